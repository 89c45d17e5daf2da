import { EntenteError } from "../../errors.ts";
import { ensureStep } from "../sign-in-state.ts";
import { authorizeService } from "./authorize-service.ts";
import type { SignInContext, SignInStep } from "./sign-in-step.ts";
import type { StepKit } from "./step-kit.ts";

/** The organisation chosen; then the policy and the second factor. @throws `identity.state_lost` for one not offered. */
export async function chooseAffiliation(
  kit: StepKit,
  ctx: SignInContext,
  memberId: string,
): Promise<SignInStep> {
  const current = await kit.state(ctx);
  ensureStep(current, "choose-affiliation");
  const person = current.sub === null ? null : await kit.deps.people.findPerson(current.sub);
  const affiliation = person?.affiliations.find(
    (a) => a.memberId === memberId && current.choices.includes(memberId),
  );
  if (person === null || affiliation === undefined) throw new EntenteError("identity.state_lost");
  return authorizeService(kit, ctx, current, await kit.serviceOf(ctx), person.sub, affiliation);
}
