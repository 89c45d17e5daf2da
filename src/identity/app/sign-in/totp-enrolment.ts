import { atSecondFactor, ensureNoFactorYet } from "./second-factor-kit.ts";
import type { SignInContext } from "./sign-in-step.ts";
import type { StepKit } from "./step-kit.ts";

/**
 * A new TOTP secret to show (QR code and text), named after the address of the chosen
 * organisation; kept during the sign-in so that a reload shows the same.
 */
export async function totpEnrolment(
  kit: StepKit,
  ctx: SignInContext,
): Promise<{ readonly secret: string; readonly otpauthUri: string }> {
  const { current, sub } = await atSecondFactor(kit, ctx);
  await ensureNoFactorYet(kit, sub);
  if (current.totp !== null) return current.totp;
  const person = await kit.deps.people.findPerson(sub);
  const account = person?.affiliations.find((a) => a.memberId === current.memberId)?.email ?? sub;
  const totp = await kit.deps.mfa.beginTotpEnrolment(sub, account);
  await kit.save(ctx, { ...current, totp });
  return totp;
}
