import { EntenteError } from "../../errors.ts";
import { ensureStep } from "../sign-in-state.ts";
import type { SignInContext } from "./sign-in-step.ts";
import type { StepKit } from "./step-kit.ts";
import { upstreamCallbackUrl } from "./upstream-callback-url.ts";

/**
 * (3) The URL of the upstream IdP for an OIDC or SAML source, the login typed on the first page
 * as a hint; a failure is recorded.
 * @throws `identity.source_unreachable`.
 */
export async function startUpstream(
  kit: StepKit,
  ctx: SignInContext,
): Promise<{ readonly redirectUrl: string }> {
  const current = await kit.state(ctx);
  ensureStep(current, "upstream");
  const source = await kit.sourceOf(current.sourceId);
  if (source.kind !== "oidc" && source.kind !== "saml") throw new EntenteError("identity.state_lost");
  try {
    return await kit.deps.redirectConnectors[source.kind].begin(source, {
      interactionId: ctx.details.uid,
      callbackUrl: upstreamCallbackUrl(kit.deps.publicUrl, source.kind, source.id),
      loginHint: current.login,
    });
  } catch (error) {
    return kit.failed(ctx, source, error);
  }
}
