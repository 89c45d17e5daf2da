import type Provider from "oidc-provider";
import type { KoaContextWithOIDC } from "oidc-provider";

/** Where to go once the person's session at the provider ended (null: the provider's own redirect). */
export type AfterGlobalLogout = (sub: string, next: string) => Promise<string | null>;

/**
 * A koa middleware of the provider: once `end_session_confirm` ended the whole session
 * (`logout=yes`: "the entente and all its services", RP-Initiated Logout 1.0 §2–3), the redirect
 * the provider chose (the service's post-logout URI, or its "signed out" page) is handed to
 * `after`, which may send the browser to the member's IdP first. A logout that only switches
 * person (`prompt=login` after another person's session) returns into `/auth/…` and is left
 * alone. A failure of `after` keeps the provider's redirect.
 */
export function propagateGlobalLogout(
  provider: Provider,
  after: AfterGlobalLogout,
  onError: (e: unknown) => void,
) {
  provider.use(async (ctx, next) => {
    await next();
    const oidc = (ctx as KoaContextWithOIDC).oidc as KoaContextWithOIDC["oidc"] | undefined;
    if (oidc?.route !== "end_session_confirm" || ctx.status !== 303 || !oidc.params?.logout) return;
    const location = ctx.response.get("location");
    const sub = oidc.session?.accountId;
    if (sub === undefined || location === "" || new URL(location, oidc.issuer).pathname.includes("/auth/"))
      return;
    try {
      const to = await after(sub, location);
      if (to !== null) {
        ctx.status = 303;
        ctx.redirect(to);
      }
    } catch (error) {
      onError(error);
    }
  });
}
