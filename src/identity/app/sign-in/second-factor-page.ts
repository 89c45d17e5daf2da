import type { MfaKind } from "../../domain/mfa-credential.ts";
import { atSecondFactor } from "./second-factor-kit.ts";
import type { SignInContext } from "./sign-in-step.ts";
import type { StepKit } from "./step-kit.ts";

/** The second-factor page: the kinds of the person's factors (none: enrolment, trust on first use). */
export async function secondFactorPage(
  kit: StepKit,
  ctx: SignInContext,
): Promise<{ readonly enrolled: readonly MfaKind[] }> {
  const { sub } = await atSecondFactor(kit, ctx);
  const credentials = await kit.deps.mfa.listCredentials(sub);
  return { enrolled: [...new Set(credentials.map((c) => c.kind))] };
}
