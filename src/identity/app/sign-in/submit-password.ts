import type { UpstreamIdentity } from "../../domain/upstream-identity.ts";
import { EntenteError } from "../../errors.ts";
import { ensureStep } from "../sign-in-state.ts";
import { completeIdentity } from "./complete-identity.ts";
import type { SignInContext, SignInStep } from "./sign-in-step.ts";
import type { StepKit } from "./step-kit.ts";

/**
 * (3) A login and password for an LDAP or local source, throttled (per address, per source + login
 * and address, a soft limit per source + login that known addresses pass: the access context's
 * sign-in throttle) whether the login exists or not; a wrong password counts as a failure, a
 * success forgets the login's failures from this address and makes the address known.
 * @throws `identity.too_many_attempts`, `identity.invalid_credentials`, `identity.source_unreachable`, and those of (4).
 */
export async function submitPassword(
  kit: StepKit,
  ctx: SignInContext,
  login: string,
  password: string,
): Promise<SignInStep> {
  const current = await kit.state(ctx);
  ensureStep(current, "password");
  const source = await kit.sourceOf(current.sourceId);
  if (source.kind !== "ldap" && source.kind !== "local") throw new EntenteError("identity.state_lost");
  const { throttle, clock } = kit.deps;
  const subject = { scope: source.id, login, ip: ctx.ip };
  let identity: UpstreamIdentity;
  try {
    await kit.ensureNotThrottled(subject);
    if (login.trim() === "" || password === "") throw new EntenteError("identity.invalid_credentials");
    identity = await kit.deps.passwordConnectors[source.kind].authenticate(source, login.trim(), password);
  } catch (error) {
    if (error instanceof EntenteError && error.code === "identity.invalid_credentials") {
      await throttle.recordFailure(subject, clock.now());
    }
    return kit.failed(ctx, source, error);
  }
  await throttle.recordSuccess(subject, clock.now());
  return completeIdentity(kit, ctx, current, source, identity);
}
