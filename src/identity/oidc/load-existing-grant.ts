import type { Configuration } from "oidc-provider";

/** Re-checks a service's access policy before an existing grant lets a person in without an interaction. */
export type ExistingGrantCheck = (grant: {
  readonly sub: string;
  readonly clientId: string;
  readonly grantId: string;
  /** What asked: a refresh token's use, or single sign-on to a service (for the audit log). */
  readonly via?: "refresh" | "single-sign-on";
}) => Promise<boolean>;

/**
 * oidc-provider's `loadExistingGrant`: the grant just given by the interaction, else the one the
 * session holds for the service — the latter only when `authorize` (single sign-on's re-check of
 * the access policy) still allows it; otherwise none, and the interaction runs again.
 */
export function createLoadExistingGrant(
  authorize: ExistingGrantCheck | undefined,
): NonNullable<Configuration["loadExistingGrant"]> {
  return async (ctx) => {
    const justGiven = (ctx.oidc.result?.consent as { grantId?: string } | undefined)?.grantId;
    const clientId = ctx.oidc.client?.clientId;
    if (clientId === undefined) return undefined;
    const grantId = justGiven ?? ctx.oidc.session?.grantIdFor(clientId);
    if (grantId === undefined) return undefined;
    const grant = await ctx.oidc.provider.Grant.find(grantId);
    if (grant === undefined || grant.accountId === undefined) return undefined;
    if (grantId !== justGiven && authorize !== undefined) {
      const allowed = await authorize({ sub: grant.accountId, clientId, grantId, via: "single-sign-on" });
      if (!allowed) return undefined;
    }
    return grant;
  };
}
