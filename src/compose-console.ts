// Composition of the console (stores, use-case dependencies, HTTP routes, web sessions) on an
// open database: the one wiring that src/main.ts runs and that the API tests and benchmarks use.
import type { Principal } from "./app/access-policy.ts";
import type { ConsoleDeps } from "./app/console/console-deps.ts";
import type { AccountRecord, PasswordHasher } from "./app/ports.ts";
import { createAccountStore } from "./db/account-store.ts";
import { createConsoleStore } from "./db/console-store.ts";
import { createEntenteStore } from "./db/entente-store.ts";
import type { OpenDatabase } from "./db/open-database.ts";
import { createWebSessionStore } from "./db/web-session-store.ts";
import type { RouteRegistrar } from "./http/app-deps.ts";
import { createActivityRoutes } from "./http/routes/activity-routes.ts";
import { createBudgetRoutes } from "./http/routes/budget-routes.ts";
import { createEntenteRoutes } from "./http/routes/entente-routes.ts";
import { createSessionRoutes } from "./http/routes/session-routes.ts";
import type { WebSessionOptions } from "./http/web-session.ts";

export interface ComposedConsole {
  readonly deps: ConsoleDeps;
  readonly registerRoutes: readonly RouteRegistrar[];
  readonly webSession: WebSessionOptions;
}

/** The person behind a session's account (null when the account is gone). */
export function principalOf(account: AccountRecord | null): Principal | null {
  if (account === null) return null;
  return {
    accountId: account.id,
    email: account.email,
    role: account.role,
    ententeId: account.ententeId,
    memberId: account.memberId,
    missionId: account.missionId,
  };
}

/**
 * Wires the console on `database`: PostgreSQL/PGlite stores, the use cases' dependencies, the
 * API routes and the database-backed web sessions (`secret` signs the cookie).
 */
export function composeConsole(
  database: OpenDatabase,
  options: {
    readonly hasher: PasswordHasher;
    readonly now: () => Date;
    readonly sessionSecret: string;
    readonly secureCookies: boolean;
  },
): ComposedConsole {
  const deps: ConsoleDeps = {
    ententes: createEntenteStore(database.db),
    console: createConsoleStore(database.db),
    accounts: createAccountStore(database.db),
    hasher: options.hasher,
    clock: { now: options.now },
  };
  return {
    deps,
    registerRoutes: [
      createSessionRoutes(deps),
      createEntenteRoutes(deps),
      createBudgetRoutes(deps),
      createActivityRoutes(deps),
    ],
    webSession: {
      store: createWebSessionStore(database.db, options.now),
      secret: options.sessionSecret,
      secureCookies: options.secureCookies,
      authenticate: async (accountId) => principalOf(await deps.accounts.findById(accountId)),
      now: options.now,
    },
  };
}
