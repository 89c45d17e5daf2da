import type { PasswordHasher } from "../../src/access/app/ports.ts";
import { type ComposedConsole, composeConsole } from "../../src/compose.ts";
import { loadConfig } from "../../src/platform/config/load-config.ts";
import type { OpenDatabase } from "../../src/platform/db/open-database.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { buildApp } from "../../src/platform/http/build-app.ts";

/** A fast fake hasher: argon2 is tested on its own; API tests are about rules and shapes. */
export const plainHasher: PasswordHasher = {
  hash: async (p) => `plain:${p}`,
  verify: async (h, p) => h === `plain:${p}`,
};

/**
 * The console's server as main.ts wires it, on the given database, for `inject()`; `env` adds
 * variables (`NODE_ENV: "production"`: Secure cookies, as main.ts decides).
 */
export async function buildConsoleApp(
  database: OpenDatabase,
  now: () => Date = () => new Date("2026-01-15T10:00:00Z"),
  env: Record<string, string> = {},
): Promise<{ app: ZodFastifyInstance; composed: ComposedConsole }> {
  const config = loadConfig(
    {
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      SESSION_SECRET: "test-secret-test-secret-test-secret-43chars",
      ...env,
    },
    { generateSecret: () => "test-secret-test-secret-test-secret-43chars" },
  );
  const composed = composeConsole(database, {
    hasher: plainHasher,
    now,
    sessionSecret: config.session.secret,
    secureCookies: config.env === "production",
  });
  const app = await buildApp(
    { version: "test", now, registerRoutes: composed.registerRoutes, plugins: composed.plugins },
    config,
  );
  return { app, composed };
}

export interface Reply {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: test replies are checked field by field.
  readonly json: () => any;
  readonly headers: Record<string, unknown>;
  readonly raw: Buffer;
}

/** A browser-like client for `inject()`: keeps the session cookie and sends the CSRF token. */
export class ConsoleClient {
  private cookie = "";
  csrf = "";
  private readonly app: ZodFastifyInstance;
  constructor(app: ZodFastifyInstance) {
    this.app = app;
  }

  async signIn(email: string, password: string): Promise<Reply> {
    const reply = await this.send("POST", "/api/session", { email, password });
    if (reply.status === 200) this.csrf = reply.json().csrfToken;
    return reply;
  }

  async send(
    method: "GET" | "POST" | "PUT" | "DELETE",
    url: string,
    body?: unknown,
    options: { csrf?: boolean; lang?: string } = {},
  ): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (options.csrf !== false && this.csrf && method !== "GET") headers["x-csrf-token"] = this.csrf;
    if (options.lang) headers["accept-language"] = options.lang;
    const response = await this.app.inject({
      method,
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    const setCookie = response.headers["set-cookie"];
    for (const c of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      if (c.startsWith("entente_session=")) this.cookie = c.split(";")[0] ?? "";
    }
    return {
      status: response.statusCode,
      json: () => response.json(),
      headers: response.headers,
      raw: response.rawPayload,
    };
  }
}

/**
 * The composition as seen by `seedExample` on an empty database, so that a test can seed a
 * second entente beside the first (seedExample itself only seeds an empty instance).
 */
export function asIfEmpty(composed: ComposedConsole): ComposedConsole {
  const ententes = { ...composed.finance.deps.ententes, listEntentes: async () => [] };
  return { ...composed, finance: { ...composed.finance, deps: { ...composed.finance.deps, ententes } } };
}
