import { interactionPolicy } from "oidc-provider";
import { needsStrongerAuthentication, requiredAcrOf } from "../domain/authentication-level.ts";

/**
 * oidc-provider's interaction policy with one more check on the `login` prompt: single sign-on
 * must not skip a stronger authentication the service needs (OIDC Core §3.1.2.1 `acr_values`,
 * or its registered `requiredAcr`). The session's acr is compared with `needsStrongerAuthentication`,
 * the same rule the sign-in pages follow.
 */
export function createInteractionPolicy(): interactionPolicy.DefaultPolicy {
  const policy = interactionPolicy.base();
  policy.get("login")?.checks.add(
    new interactionPolicy.Check("entente_acr", "a stronger authentication is required", (ctx) => {
      const { oidc } = ctx;
      if (oidc.session?.accountId === undefined || oidc.client === undefined)
        return interactionPolicy.Check.NO_NEED_TO_PROMPT;
      const registered = (oidc.client as unknown as Record<string, unknown>).entente_required_acr;
      const needed = requiredAcrOf(
        typeof registered === "string" ? registered : null,
        oidc.params?.acr_values as string | undefined,
      );
      return needsStrongerAuthentication(needed, oidc.session.acr ?? null)
        ? interactionPolicy.Check.REQUEST_PROMPT
        : interactionPolicy.Check.NO_NEED_TO_PROMPT;
    }),
  );
  return policy;
}
