import { EntenteError } from "../../errors.ts";
import type { RedirectConnector } from "../ports.ts";
import { findFlowState } from "../sign-in-state.ts";
import type { RedirectKind } from "./sign-in-step.ts";
import type { StepKit } from "./step-kit.ts";
import { upstreamCallbackUrl } from "./upstream-callback-url.ts";

/**
 * (3) The upstream's answer (OIDC callback, SAML ACS). Runs without the interaction cookie (a
 * cross-site POST): the connector finds the interaction from its single-use state; the identity
 * waits in the sign-in's state until the browser comes back (`continueAfterUpstream`), where the
 * provider checks the interaction belongs to that browser.
 * @returns the interaction uid to redirect the browser to.
 * @throws `identity.source_not_found`, `identity.state_lost` (no such sign-in, or one started at
 *   another source), and the connector's errors (recorded).
 */
export async function receiveUpstreamAnswer(
  kit: StepKit,
  kind: RedirectKind,
  sourceId: string,
  answer: {
    readonly query: Readonly<Record<string, string>>;
    readonly body: Readonly<Record<string, string>>;
  },
  request: { readonly requestId: string; readonly ip: string | null },
): Promise<{ readonly interactionId: string }> {
  const source = await kit.deps.routing.findSource(sourceId);
  if (source === null || source.kind !== kind)
    throw new EntenteError("identity.source_not_found", { id: sourceId });
  const callbackUrl = upstreamCallbackUrl(kit.deps.publicUrl, kind, source.id);
  let outcome: Awaited<ReturnType<RedirectConnector["finish"]>>;
  try {
    outcome = await kit.deps.redirectConnectors[kind].finish(source, { callbackUrl, ...answer });
  } catch (error) {
    return kit.failed(request, source, error);
  }
  const current = await findFlowState(kit.deps.state, outcome.interactionId);
  if (current === null || current.step !== "upstream" || current.sourceId !== source.id) {
    throw new EntenteError("identity.state_lost");
  }
  await kit.save(request, { ...current, step: "upstream-answered", upstream: outcome.identity });
  return { interactionId: outcome.interactionId };
}
