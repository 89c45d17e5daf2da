import { EntenteError } from "../../errors.ts";
import { ensureStep } from "../sign-in-state.ts";
import { completeIdentity } from "./complete-identity.ts";
import type { SignInContext, SignInStep } from "./sign-in-step.ts";
import type { StepKit } from "./step-kit.ts";

/** (4) after an upstream answer, in the browser that started the sign-in. @throws `identity.state_lost`. */
export async function continueAfterUpstream(kit: StepKit, ctx: SignInContext): Promise<SignInStep> {
  const current = await kit.state(ctx);
  ensureStep(current, "upstream-answered");
  if (current.upstream === null) throw new EntenteError("identity.state_lost");
  return completeIdentity(kit, ctx, current, await kit.sourceOf(current.sourceId), current.upstream);
}
