import type { UpstreamAttributes } from "../domain/upstream-identity.ts";

/** JWT and protocol claims (RFC 7519 §4.1, OIDC Core §2) that say nothing about the person. */
const PROTOCOL_CLAIMS = new Set([
  "iss",
  "aud",
  "azp",
  "exp",
  "iat",
  "nbf",
  "jti",
  "nonce",
  "at_hash",
  "c_hash",
  "s_hash",
  "auth_time",
  "sid",
]);

/** Claims as attribute lists: strings as is, numbers and booleans as text, arrays flattened, objects as JSON. */
export function toAttributes(claims: Readonly<Record<string, unknown>>): UpstreamAttributes {
  const out: Record<string, readonly string[]> = {};
  for (const [name, value] of Object.entries(claims)) {
    if (PROTOCOL_CLAIMS.has(name) || value === null || value === undefined) continue;
    const list = Array.isArray(value) ? value : [value];
    out[name] = list
      .filter((v) => v !== null && v !== undefined)
      .map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v)));
  }
  return Object.freeze(out);
}
