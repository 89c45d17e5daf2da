import type { Configuration } from "oidc-provider";
import type { PersonDirectory } from "../app/ports.ts";
import { affiliationOfGrant } from "../domain/affiliation-choice.ts";
import { pivotClaimsOf } from "../domain/pivot-claims.ts";

type FindAccount = NonNullable<Configuration["findAccount"]>;

/**
 * oidc-provider's `findAccount`: the pivot person of `sub`, whose claims are those of the
 * organisation the grant acts for (the member recorded for it at sign-in, see
 * `affiliationOfGrant`), among the service's entente. oidc-provider keeps the claims the granted
 * scopes allow.
 */
export function createFindAccount(people: PersonDirectory): FindAccount {
  return async (ctx, sub, token) => {
    const person = await people.findPerson(sub);
    if (person === null) return undefined;
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
