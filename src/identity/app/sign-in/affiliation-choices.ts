import { EntenteError } from "../../errors.ts";
import { ensureStep } from "../sign-in-state.ts";
import type { AffiliationChoice, SignInContext } from "./sign-in-step.ts";
import type { StepKit } from "./step-kit.ts";

/** The organisations offered to a person who acts for several members. @throws `identity.state_lost`. */
export async function affiliationChoices(kit: StepKit, ctx: SignInContext): Promise<AffiliationChoice[]> {
  const current = await kit.state(ctx);
  ensureStep(current, "choose-affiliation");
  const person = current.sub === null ? null : await kit.deps.people.findPerson(current.sub);
  if (person === null) throw new EntenteError("identity.state_lost");
  return person.affiliations
    .filter((a) => current.choices.includes(a.memberId))
    .map((a) => ({ memberId: a.memberId, memberName: a.memberName, role: a.role }));
}
