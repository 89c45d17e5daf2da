import * as client from "openid-client";
import type { SourceRecord } from "../domain/identity-source.ts";
import { EntenteError } from "../errors.ts";

const DENIED = new Set(["access_denied", "login_required", "consent_required", "interaction_required"]);

/**
 * An openid-client failure as the catalog's error: the IdP's refusal (`access_denied`,
 * `login_required`, `consent_required`, `interaction_required`) → `identity.upstream_denied`;
 * network failures and timeouts → `identity.source_unreachable`; anything that does not verify
 * → `identity.upstream_rejected` with the check that failed. The cause is kept.
 */
export function mapOidcError(error: unknown, source: SourceRecord): EntenteError {
  if (error instanceof EntenteError) return error;
  const label = source.label;
  if (error instanceof client.AuthorizationResponseError) {
    if (DENIED.has(error.error)) {
      return new EntenteError(
        "identity.upstream_denied",
        { source: label, reason: error.error },
        { cause: error },
      );
    }
    return new EntenteError(
      "identity.upstream_rejected",
      { source: label, reason: error.error },
      { cause: error },
    );
  }
  if (error instanceof client.ResponseBodyError) {
    return new EntenteError(
      "identity.upstream_rejected",
      { source: label, reason: error.error },
      { cause: error },
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error ? (error as { cause?: unknown }).cause : undefined;
  // openid-client wraps the precise check that failed (oauth4webapi's) as the cause.
  const detail = cause instanceof Error ? `${message}: ${cause.message}` : message;
  const network =
    (error instanceof TypeError && /fetch failed/i.test(message)) ||
    (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) ||
    (typeof cause === "object" &&
      cause !== null &&
      "code" in cause &&
      /^E(CONN|HOST|NET|AI_|TIMEDOUT|PIPE|NOTFOUND)/.test(String(cause.code)));
  if (network) return new EntenteError("identity.source_unreachable", { source: label }, { cause: error });
  return new EntenteError(
    "identity.upstream_rejected",
    { source: label, reason: detail.slice(0, 200) },
    { cause: error },
  );
}
