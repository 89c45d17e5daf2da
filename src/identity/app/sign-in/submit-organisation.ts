import { EntenteError } from "../../errors.ts";
import { ensureStep } from "../sign-in-state.ts";
import { goToSource } from "./go-to-source.ts";
import type { SignInContext, SignInStep } from "./sign-in-step.ts";
import type { StepKit } from "./step-kit.ts";

/**
 * (2) A source picked from the organisation list (only a listed one: enabled, of a member of the
 * service's entente; another entente's answers as an unknown source).
 * @throws `identity.source_not_found`, `identity.source_disabled`.
 */
export async function submitOrganisation(
  kit: StepKit,
  ctx: SignInContext,
  sourceId: string,
): Promise<SignInStep> {
  const current = await kit.state(ctx);
  ensureStep(current, "start", "password", "upstream");
  const { ententeId } = await kit.serviceOf(ctx);
  const listed = (await kit.deps.routing.listOrganisations(ententeId)).some((o) =>
    o.sources.some((s) => s.id === sourceId),
  );
  if (!listed) throw new EntenteError("identity.source_not_found", { id: sourceId });
  return goToSource(kit, ctx, current, await kit.sourceOf(sourceId), null, null);
}
