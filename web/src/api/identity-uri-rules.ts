/**
 * The rules of a URI a service registers (redirect, post-logout, back-channel logout), checked in
 * the browser so that the form shows what is wrong next to the field, before anything is sent.
 * The server's rule (src/domain/service-client-rules.ts, `checkServiceUri`) stays the authority
 * and checks the same on every save; this copy exists because the console may import only web/
 * and src/contracts (web/src/architecture.test.ts).
 *
 * Sources: exact strings, no wildcard (OIDC Core §3.1.2.1); no fragment (RFC 6749 §3.1.2);
 * https, or http towards the machine itself only (RFC 8252 §7.3, OAuth 2.0 Security BCP §2.1);
 * no `user:password@` (a phishing trick).
 */
export type ServiceUriProblem = "absolute" | "wildcard" | "fragment" | "userinfo" | "https";

/** Longest URI accepted, in characters (as the server: MAX_URI_LENGTH). */
export const MAX_SERVICE_URI_LENGTH = 2000;
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "[::1]", "localhost"]);

/** What is wrong with `uri` as a service's registered URI, or null when it is acceptable. */
export function serviceUriProblem(uri: string): ServiceUriProblem | null {
  if (uri.length === 0 || uri.length > MAX_SERVICE_URI_LENGTH || uri.trim() !== uri) return "absolute";
  if (uri.includes("*")) return "wildcard";
  const url = URL.parse(uri);
  if (url === null || !/^[a-z][a-z0-9+.-]*:\/\//i.test(uri)) return "absolute";
  if (uri.includes("#")) return "fragment";
  if (url.username !== "" || url.password !== "" || /^[a-z][a-z0-9+.-]*:\/\/[^/?]*@/i.test(uri)) {
    return "userinfo";
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  return url.protocol === "https:" || (url.protocol === "http:" && loopback) ? null : "https";
}
