import type { Principal } from "../../src/app/access-policy.ts";
import type { ConsoleDeps } from "../../src/app/console/console-deps.ts";
import type { PasswordHasher } from "../../src/app/ports.ts";
import { loadConfig } from "../../src/config/load-config.ts";
import { createAccountStore } from "../../src/db/account-store.ts";
import { createConsoleStore } from "../../src/db/console-store.ts";
import { createEntenteStore } from "../../src/db/entente-store.ts";
import type { OpenDatabase } from "../../src/db/open-database.ts";
import { createWebSessionStore } from "../../src/db/web-session-store.ts";
import type { ZodFastifyInstance } from "../../src/http/app-deps.ts";
import { buildApp } from "../../src/http/build-app.ts";
import { createActivityRoutes } from "../../src/http/routes/activity-routes.ts";
import { createBudgetRoutes } from "../../src/http/routes/budget-routes.ts";
import { createEntenteRoutes } from "../../src/http/routes/entente-routes.ts";
import { createSessionRoutes } from "../../src/http/routes/session-routes.ts";

/** A fast fake hasher: argon2 is tested on its own; API tests are about rules and shapes. */
export const plainHasher: PasswordHasher = {
  hash: async (p) => `plain:${p}`,
  verify: async (h, p) => h === `plain:${p}`,
};

/** The console's server as main.ts wires it, on the given database, for `inject()`. */
export async function buildConsoleApp(
  database: OpenDatabase,
  now: () => Date = () => new Date("2026-01-15T10:00:00Z"),
): Promise<{ app: ZodFastifyInstance; deps: ConsoleDeps }> {
  const deps: ConsoleDeps = {
    ententes: createEntenteStore(database.db),
    console: createConsoleStore(database.db),
    accounts: createAccountStore(database.db),
    hasher: plainHasher,
    clock: { now },
  };
  const config = loadConfig(
    { NODE_ENV: "test", LOG_LEVEL: "silent" },
    { generateSecret: () => "test-secret-test-secret-test-secret-43chars" },
  );
  const app = await buildApp(
    {
      version: "test",
      now,
      registerRoutes: [
        createSessionRoutes(deps),
        createEntenteRoutes(deps),
        createBudgetRoutes(deps),
        createActivityRoutes(deps),
      ],
      webSession: {
        store: createWebSessionStore(database.db, now),
        secret: config.session.secret,
        secureCookies: false,
        authenticate: async (id): Promise<Principal | null> => {
          const a = await deps.accounts.findById(id);
          return a === null
            ? null
            : {
                accountId: a.id,
                email: a.email,
                role: a.role,
                ententeId: a.ententeId,
                memberId: a.memberId,
                missionId: a.missionId,
              };
        },
        now,
      },
    },
    config,
  );
  return { app, deps };
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
