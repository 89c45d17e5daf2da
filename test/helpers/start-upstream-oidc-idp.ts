import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startChild } from "./start-child.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The SITIV's IdP of the tests: an independent oidc-provider in its own process, and its admin API. */
export interface UpstreamOidcIdp {
  readonly issuer: string;
  /** Registers (or replaces) a client at the IdP. */
  registerClient(client: {
    readonly client_id: string;
    readonly client_secret?: string;
    readonly redirect_uris: readonly string[];
    readonly post_logout_redirect_uris?: readonly string[];
    readonly token_endpoint_auth_method?: string;
  }): Promise<void>;
  /** Rotates the IdP's signing key: a new key (new `kid`) signs from now on; the old one stays published. */
  rotateKeys(): Promise<{ readonly kid: string }>;
  /** How many times the IdP's JWKS was downloaded since it started. */
  jwksFetches(): Promise<number>;
  /** Sets the IdP's clock `offsetSeconds` ahead of the real one (0: back on time). */
  setClockOffset(offsetSeconds: number): Promise<void>;
  stop(): Promise<void>;
}

/** The line the upstream OIDC IdP prints once it listens. */
interface UpstreamReady {
  readonly issuer: string;
  readonly admin: string;
  readonly adminToken: string;
}

/** Its readiness line among the lines printed so far, if there yet. */
function upstreamReadyIn(stdout: string): UpstreamReady | undefined {
  for (const line of stdout.split("\n").slice(0, -1)) {
    if (!line.startsWith("{")) continue;
    const parsed = JSON.parse(line) as Partial<UpstreamReady>;
    if (parsed.issuer && parsed.admin && parsed.adminToken)
      return { issuer: parsed.issuer, admin: parsed.admin, adminToken: parsed.adminToken };
  }
  return undefined;
}

/**
 * Spawns test/fixtures/upstream-oidc-idp/server.ts (a bare oidc-provider, no Entente code) on
 * 127.0.0.1 port 0 and waits for the line it prints with its URLs. Not up within 60 s: killed,
 * and the start fails with its output (test/helpers/start-child.ts).
 */
export async function startUpstreamOidcIdp(): Promise<UpstreamOidcIdp> {
  const { child, ready } = await startChild({
    name: "the upstream OIDC IdP (test/fixtures/upstream-oidc-idp)",
    command: process.execPath,
    args: [join(ROOT, "test/fixtures/upstream-oidc-idp/server.ts")],
    deadlineMs: 60_000,
    ready: ({ stdout }) => upstreamReadyIn(stdout),
  });
  const admin = async (path: string, body?: unknown) => {
    const res = await fetch(`${ready.admin}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ready.adminToken}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`upstream IdP admin ${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  return {
    issuer: ready.issuer,
    async registerClient(client) {
      await admin("/clients", client);
    },
    async rotateKeys() {
      const out = await admin("/rotate-keys", {});
      return { kid: String(out.kid) };
    },
    async jwksFetches() {
      return Number((await admin("/stats")).jwksFetches);
    },
    async setClockOffset(offsetSeconds) {
      await admin("/clock", { offsetSeconds });
    },
    stop: async () => {
      await child.stop();
    },
  };
}
