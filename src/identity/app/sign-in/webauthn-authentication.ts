import { atSecondFactor } from "./second-factor-kit.ts";
import type { SignInContext } from "./sign-in-step.ts";
import type { StepKit } from "./step-kit.ts";

/** Options for signing with an enrolled security key; the challenge stays in the sign-in's state. */
export async function webauthnAuthentication(kit: StepKit, ctx: SignInContext): Promise<unknown> {
  const { current, sub } = await atSecondFactor(kit, ctx);
  const { options, challenge } = await kit.deps.mfa.webauthnAuthenticationOptions(sub);
  await kit.save(ctx, { ...current, challenge });
  return options;
}
