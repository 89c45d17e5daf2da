import { atSecondFactor, ensureNoFactorYet } from "./second-factor-kit.ts";
import type { SignInContext } from "./sign-in-step.ts";
import type { StepKit } from "./step-kit.ts";

/**
 * Options for registering a security key (enrolment), in the person's name and the address of the
 * chosen organisation; the challenge stays in the sign-in's state.
 */
export async function webauthnRegistration(kit: StepKit, ctx: SignInContext): Promise<unknown> {
  const { current, sub } = await atSecondFactor(kit, ctx);
  await ensureNoFactorYet(kit, sub);
  const person = await kit.deps.people.findPerson(sub);
  const affiliation = person?.affiliations.find((a) => a.memberId === current.memberId);
  const name = affiliation?.email ?? sub;
  const display = person === null ? name : `${person.givenName} ${person.usualName}`;
  const { options, challenge } = await kit.deps.mfa.webauthnRegistrationOptions(sub, name, display);
  await kit.save(ctx, { ...current, challenge });
  return options;
}
