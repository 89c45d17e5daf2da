import { findFlowState, takeFlowState } from "../sign-in-state.ts";
import type { AuditOrigin } from "./sign-in-step.ts";
import type { StepKit } from "./step-kit.ts";

/** The OAuth error a service receives when the sign-in outlived the provider's interaction. */
export const EXPIRED_SIGN_IN_ERROR = {
  error: "access_denied",
  description: "the sign-in was not completed in time (interaction expired); start again",
} as const;

/**
 * A person came back (from an upstream IdP, or to a sign-in page) after the provider's interaction
 * expired: rather than a dead end, the service gets an OAuth error response (RFC 6749 §4.1.2.1:
 * `error=access_denied`, `error_description`, its `state`; RFC 9207: `iss`) at the redirect URI
 * its request gave — the sign-in's state remembers it (`FlowState.returnTo`) for 30 minutes,
 * longer than the interaction's 10.
 *
 * Recoverable only when: the provider no longer holds the interaction (a live one opened from
 * another browser is not answered: a uid alone must not end someone's sign-in), the state of
 * `uid` is still there, the service still exists and is enabled, the redirect URI is still one it registered, and the answer goes in the query (the
 * default of the code flow). Otherwise null: the page explains, with a way back to the portal.
 * Single use (the state is taken) and recorded (`sign_in_failed`, `identity.interaction_expired`).
 * @returns the URL to redirect the browser to (303), or null.
 */
export async function answerExpiredSignIn(
  kit: StepKit,
  uid: string,
  origin: AuditOrigin,
): Promise<string | null> {
  const state = await findFlowState(kit.deps.state, uid);
  const returnTo = state?.returnTo ?? null;
  if (returnTo === null || (returnTo.responseMode !== null && returnTo.responseMode !== "query")) return null;
  if (await kit.deps.gateway.interactionExists(uid)) return null;
  const service = await kit.deps.gateway.client(returnTo.clientId);
  if (service === null || !service.enabled || !service.redirectUris.includes(returnTo.redirectUri))
    return null;
  if ((await takeFlowState(kit.deps.state, uid)) === null) return null; // another request answered
  await kit.audit(origin, "sign_in_failed", {
    ententeId: service.ententeId,
    code: "identity.interaction_expired",
    details: { clientId: service.clientId, answered: EXPIRED_SIGN_IN_ERROR.error },
  });
  const url = new URL(returnTo.redirectUri);
  url.searchParams.set("error", EXPIRED_SIGN_IN_ERROR.error);
  url.searchParams.set("error_description", EXPIRED_SIGN_IN_ERROR.description);
  if (returnTo.state !== null) url.searchParams.set("state", returnTo.state);
  url.searchParams.set("iss", returnTo.issuer);
  return url.href;
}
