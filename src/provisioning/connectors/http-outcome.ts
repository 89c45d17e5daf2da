import type { DeliveryOutcome } from "../app/connector.ts";

/** How long a connector waits for a peer before the attempt counts as failed (then retried). */
export const PEER_TIMEOUT_MS = 10_000;

/**
 * A peer's HTTP answer as a delivery outcome: a timeout, 408, 429 and 5xx are transient (retry);
 * any other 4xx is the peer refusing the request (reject, with its answer for the console).
 */
export async function refusalOutcome(what: string, response: Response): Promise<DeliveryOutcome> {
  const body = (await response.text().catch(() => "")).slice(0, 500);
  const detail = `${what}: HTTP ${response.status} ${body}`.trim();
  const transient = response.status === 408 || response.status === 429 || response.status >= 500;
  return { status: transient ? "retry" : "reject", detail };
}

/** A request to a peer that failed before an answer (refused, reset, timed out): a retry. */
export function unreachableOutcome(what: string, error: unknown): DeliveryOutcome {
  const reason =
    error instanceof Error
      ? error.cause instanceof Error
        ? error.cause.message
        : error.message
      : String(error);
  return { status: "retry", detail: `${what}: peer unreachable (${reason})` };
}

/** Settings problems of a base URL: an absolute http(s) URL. */
export function checkHttpUrl(name: string, value: unknown): string[] {
  if (typeof value !== "string") return [`settings.${name}: an http(s) URL is expected`];
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:"
      ? []
      : [`settings.${name}: an http(s) URL is expected, not ${url.protocol}`];
  } catch {
    return [`settings.${name}: "${value}" is not a URL`];
  }
}
