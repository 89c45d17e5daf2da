import { addMethods } from "../../domain/authentication-level.ts";
import type { MfaKind } from "../../domain/mfa-credential.ts";
import { EntenteError } from "../../errors.ts";
import { ensureStep, type FlowState } from "../sign-in-state.ts";
import { concludeSignIn } from "./conclude-sign-in.ts";
import type { SignInContext, SignInStep } from "./sign-in-step.ts";
import type { StepKit } from "./step-kit.ts";

/**
 * What the second-factor steps share (issue 4 §5): where the sign-in stands, the throttle of
 * codes (per person and per IP, like passwords), trust on first use, and the two outcomes.
 */

/** The person's sub and the chosen organisation, at the second-factor step. @throws `identity.state_lost`. */
export async function atSecondFactor(kit: StepKit, ctx: SignInContext) {
  const current = await kit.state(ctx);
  ensureStep(current, "second-factor");
  if (current.sub === null) throw new EntenteError("identity.state_lost");
  return { current, sub: current.sub };
}

/** Throttles second-factor codes like passwords: per person and per IP. */
export const mfaSubject = (ctx: SignInContext, sub: string) => ({ scope: "mfa", login: sub, ip: ctx.ip });

/** Trust on first use: enrolment is open only to a person without an active factor. @throws `identity.state_lost`. */
export async function ensureNoFactorYet(kit: StepKit, sub: string): Promise<void> {
  if ((await kit.deps.mfa.listCredentials(sub)).length > 0) throw new EntenteError("identity.state_lost");
}

/** After a valid second factor: the end of the sign-in with the factor added to the source's methods. */
export async function secondFactorPassed(
  kit: StepKit,
  ctx: SignInContext,
  current: FlowState,
  sub: string,
  method: "otp" | "hwk",
): Promise<SignInStep> {
  await kit.deps.throttle.recordSuccess(mfaSubject(ctx, sub), kit.deps.clock.now());
  const client = await kit.serviceOf(ctx);
  return concludeSignIn(kit, ctx, current, client, addMethods(current.amr, method, "mfa"));
}

/** A wrong code or a refused authenticator: counted, recorded (`mfa_failed`), refused. @throws `identity.mfa_invalid`. */
export async function secondFactorFailed(
  kit: StepKit,
  ctx: SignInContext,
  current: FlowState,
  sub: string,
  kind: MfaKind,
): Promise<never> {
  await kit.deps.throttle.recordFailure(mfaSubject(ctx, sub), kit.deps.clock.now());
  await kit.audit(ctx, "mfa_failed", {
    sub,
    memberId: current.memberId,
    sourceId: current.sourceId,
    code: "identity.mfa_invalid",
    details: { kind },
  });
  throw new EntenteError("identity.mfa_invalid");
}

/** Records an enrolment made during a sign-in (`mfa_enrolled`, trust on first use). */
export async function recordEnrolment(
  kit: StepKit,
  ctx: SignInContext,
  current: FlowState,
  sub: string,
  kind: MfaKind,
): Promise<void> {
  await kit.audit(ctx, "mfa_enrolled", {
    sub,
    memberId: current.memberId,
    sourceId: current.sourceId,
    details: { kind, trustOnFirstUse: true },
  });
}
