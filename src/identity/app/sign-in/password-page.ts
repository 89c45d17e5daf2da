import { ensureStep } from "../sign-in-state.ts";
import type { SignInContext } from "./sign-in-step.ts";
import type { StepKit } from "./step-kit.ts";

/** What the password page shows: the source's label and the login typed on the first page, if any. */
export async function passwordPage(
  kit: StepKit,
  ctx: SignInContext,
): Promise<{ readonly sourceLabel: string; readonly login: string | null }> {
  const current = await kit.state(ctx);
  ensureStep(current, "password");
  const source = await kit.sourceOf(current.sourceId);
  return { sourceLabel: source.label, login: current.login };
}
