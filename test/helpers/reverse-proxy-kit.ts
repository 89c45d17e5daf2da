import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import { join } from "node:path";
import { DEMO_SERVICE_URL } from "../../src/identity/index.ts";

/**
 * What test/http/reverse-proxy.test.ts needs around nginx: requests from a chosen loopback
 * address (so that the proxy forwards distinct clients), a self-signed certificate, the nginx
 * configuration of docs/deployment.md, and the first steps of a federated sign-in.
 */

/** Where a request goes: the proxy (TLS, its certificate as `ca`) or a node (plain http). */
export type Target = { readonly tls: boolean; readonly port: number; readonly ca?: string };

export interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** One JSON (or empty) request from `localAddress`: over TLS to the proxy, or in clear straight to a node. */
export function send(
  to: Target,
  localAddress: string,
  method: string,
  path: string,
  options: { readonly json?: unknown; readonly headers?: Record<string, string> } = {},
): Promise<Reply> {
  const body = options.json === undefined ? undefined : JSON.stringify(options.json);
  const headers = {
    ...(body === undefined ? {} : { "content-type": "application/json" }),
    ...options.headers,
  };
  return sendRaw(to, localAddress, method, path, body, headers);
}

/** One request from `localAddress` (a loopback address of the machine), its whole answer. */
export function sendRaw(
  to: Target,
  localAddress: string,
  method: string,
  path: string,
  body: string | undefined,
  headers: Record<string, string>,
): Promise<Reply> {
  const request = to.tls ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port: to.port, localAddress, method, path, headers, ca: to.ca, agent: false },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.setTimeout(20_000, () => req.destroy(new Error(`${method} ${path}: no answer within 20 s`)));
    req.on("error", reject);
    req.end(body);
  });
}

export const codeOf = (reply: Reply) => (JSON.parse(reply.body) as { code?: string }).code;
export const sessionCookie = (reply: Reply) =>
  (reply.headers["set-cookie"] ?? []).find((cookie) => cookie.startsWith("entente_session="));

/** A self-signed certificate for 127.0.0.1 (openssl), as the proxy's. */
export function makeCertificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, "proxy.crt");
  const key = join(dir, "proxy.key");
  execFileSync("openssl", [
    ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"],
    ...["-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1"],
    ...["-addext", "subjectAltName=IP:127.0.0.1"],
  ]);
  return { cert, key };
}

/**
 * nginx.conf: TLS on `listen` (`address:port`), round robin over the nodes' ports, the
 * X-Forwarded-* of docs/deployment.md; temporary files, pid and logs in `dir`.
 */
export function nginxConfig(
  dir: string,
  tls: { cert: string; key: string },
  listen: string,
  nodePorts: readonly number[],
): string {
  return `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log stderr notice;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream entente { ${nodePorts.map((port) => `server 127.0.0.1:${port};`).join(" ")} }
  server {
    listen ${listen} ssl;
    ssl_certificate ${tls.cert};
    ssl_certificate_key ${tls.key};
    location / {
      proxy_pass http://entente;
      proxy_set_header Host $host:$server_port;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $host:$server_port;
    }
  }
}
`;
}

const VERIFIER = "verifier-of-the-reverse-proxy-test-0123456789-abcdefghij";
/** A PKCE pair (RFC 7636 §4.2, S256). */
export const PKCE = {
  verifier: VERIFIER,
  challenge: createHash("sha256").update(VERIFIER).digest("base64url"),
} as const;

/** The `name=value` pairs of a reply's cookies, added to `jar`. */
function keepCookies(jar: Map<string, string>, reply: Reply): void {
  for (const cookie of reply.headers["set-cookie"] ?? []) {
    const [pair = ""] = cookie.split(";");
    const at = pair.indexOf("=");
    jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
}

/**
 * A person of a member starting to sign in to the demo service through the federation, from
 * `from`: authorization request, start page, email; then `wrongPassword` posts a wrong one.
 */
export async function startFederatedSignIn(to: Target, from: string, clientId: string, login: string) {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const query = new URLSearchParams({
    client_id: clientId,
    redirect_uri: `${DEMO_SERVICE_URL}/callback`,
    response_type: "code",
    scope: "openid",
    state: "state-of-the-test",
    code_challenge: PKCE.challenge,
    code_challenge_method: "S256",
  });
  const authorize = await send(to, from, "GET", `/oidc/auth?${query}`);
  assert.equal(authorize.status, 303, authorize.body);
  keepCookies(jar, authorize);
  const uidPath = new URL(String(authorize.headers.location), "https://x").pathname;
  const start = await send(to, from, "GET", uidPath, { headers: { cookie: cookie() } });
  assert.equal(start.status, 200, start.body);
  const csrf = /name="csrf" value="([^"]+)"/.exec(start.body)?.[1] ?? "";
  const form = (fields: Record<string, string>) => ({
    "content-type": "application/x-www-form-urlencoded",
    cookie: cookie(),
    body: new URLSearchParams({ csrf, ...fields }).toString(),
  });
  const emailStep = await sendForm(to, from, `${uidPath}/email`, form({ email: login }));
  assert.ok([200, 303].includes(emailStep.status), emailStep.body);
  const password = (target: Target, value: string, headers: Record<string, string> = {}) =>
    sendForm(target, from, `${uidPath}/password`, { ...form({ login, password: value }), ...headers });
  return {
    password,
    /** The right password, then the redirects up to the service's callback: the code it gets. */
    async code(value: string): Promise<string> {
      let reply = await password(to, value);
      for (let hop = 0; hop < 6 && reply.status === 303; hop++) {
        keepCookies(jar, reply);
        const location = new URL(String(reply.headers.location), "https://x");
        if (location.href.startsWith(DEMO_SERVICE_URL)) {
          const code = location.searchParams.get("code");
          assert.ok(code !== null, location.href);
          return code;
        }
        reply = await send(to, from, "GET", `${location.pathname}${location.search}`, {
          headers: { cookie: cookie() },
        });
      }
      assert.fail(`no code for the service: ${reply.status} ${reply.body.slice(0, 300)}`);
    },
    async wrongPassword(target: Target, requestId: string, headers: Record<string, string>) {
      const reply = await password(target, "pas-le-bon", { "x-request-id": requestId, ...headers });
      assert.equal(reply.status, 401, reply.body);
    },
  };
}

/** A form POST (`body` and the other headers in `headers`). */
export function sendForm(
  to: Target,
  from: string,
  path: string,
  headers: Record<string, string> & { body: string },
) {
  const { body, ...rest } = headers;
  return sendRaw(to, from, "POST", path, body, rest);
}
