/**
 * The rules of a URI a service registers (redirect, post-logout, back-channel logout), shared by
 * the server (identity's `checkServiceUri`, the authority on every save) and the console (which
 * shows what is wrong next to the field before anything is sent).
 *
 * Sources: exact strings, no wildcard (OIDC Core §3.1.2.1); no fragment (RFC 6749 §3.1.2);
 * https, or http towards the machine itself only (RFC 8252 §7.3, OAuth 2.0 Security BCP §2.1);
 * no `user:password@` (a phishing trick).
 */

/** What can be wrong with a registered URI. */
export type ServiceUriProblem = "absolute" | "wildcard" | "fragment" | "userinfo" | "https";

/** Longest URI accepted, in characters (browsers and proxies cut longer ones). */
export const MAX_SERVICE_URI_LENGTH = 2000;

/** Hosts towards which `http://` is accepted: the machine itself. */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(["127.0.0.1", "[::1]", "localhost"]);

/**
 * What is wrong with `uri` as a service's registered URI, or null when it is acceptable; the
 * first problem found, in this order: not absolute (or empty, too long, spaces around),
 * wildcard, fragment, userinfo, neither https nor http on a loopback host.
 * @example serviceUriProblem("https://visio.lyon.fr/callback") // null
 * @example serviceUriProblem("http://visio.lyon.fr/callback") // "https"
 */
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
