import type { Configuration } from "oidc-provider";
import type { PersonDirectory } from "../app/ports.ts";
import { affiliationOfGrant } from "../domain/affiliation-choice.ts";
import { pivotClaimsOf } from "../domain/pivot-claims.ts";
import type { ExistingGrantCheck } from "./load-existing-grant.ts";

type FindAccount = NonNullable<Configuration["findAccount"]>;

/**
 * oidc-provider's `findAccount`: the pivot person of `sub`, whose claims are those of the
 * organisation the grant acts for (the member recorded for it at sign-in, see
 * `affiliationOfGrant`), among the service's entente. oidc-provider keeps the claims the granted
 * scopes allow.
 *
 * A refresh token is honoured only while the access decision still holds (`authorize`, the same
 * re-check as single sign-on's: service enabled, member still allowed by its policy, affiliation
 * not from a suspended source); otherwise no account, which oidc-provider answers with
 * `invalid_grant` (RFC 6749 §5.2) — a policy change or a suspension takes effect at the next refresh.
 */
export function createFindAccount(people: PersonDirectory, authorize?: ExistingGrantCheck): FindAccount {
  return async (ctx, sub, token) => {
    const person = await people.findPerson(sub);
    if (person === null) return undefined;
    const refresh = token as { kind?: string; grantId?: string; clientId?: string } | undefined;
    if (
      authorize !== undefined &&
      refresh?.kind === "RefreshToken" &&
      !(await authorize({
        sub,
        clientId: refresh.clientId ?? "",
        grantId: refresh.grantId ?? "",
        via: "refresh",
      }))
    ) {
      return undefined;
    }
    return {
      accountId: sub,
      async claims() {
        const grantId =
          (token as { grantId?: string } | undefined)?.grantId ??
          ctx.oidc.entities.Grant?.jti ??
          (ctx.oidc.result?.consent as { grantId?: string } | undefined)?.grantId;
        const memberId = grantId === undefined ? null : await people.grantAffiliation(grantId);
        const entente =
          (ctx.oidc.client as unknown as { entente_id?: string } | undefined)?.entente_id ?? null;
        return pivotClaimsOf(person, affiliationOfGrant(person, memberId, entente)) as never;
      },
    };
  };
}
