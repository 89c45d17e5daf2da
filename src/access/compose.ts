// Composition of console access (accounts, sessions, roles) on an open database: the account
// store, the sign-in use case's dependencies, the session routes and the web-session plugin.
import type { OpenDatabase } from "../platform/db/open-database.ts";
import type { RouteRegistrar, ServerPlugin } from "../platform/http/app-deps.ts";
import type { AccessDeps } from "./app/access-deps.ts";
import type { EntenteReferences } from "./app/create-account.ts";
import type { PasswordHasher } from "./app/ports.ts";
import { principalOf } from "./app/principal-of.ts";
import { createLoginThrottle } from "./app/sign-in-throttle.ts";
import type { AccessCliDeps } from "./cli/commands.ts";
import { createAccountStore } from "./db/account-store.ts";
import { createLoginFailureStore } from "./db/login-failure-store.ts";
import { createWebSessionStore } from "./db/web-session-store.ts";
import { createSessionRoutes } from "./http/session-routes.ts";
import { registerWebSession } from "./http/web-session.ts";

export interface AccessOptions {
  readonly hasher: PasswordHasher;
  readonly now: () => Date;
  /** SESSION_SECRET: signs the console's session cookie. */
  readonly sessionSecret: string;
  /** `Secure` cookies (HTTPS): true in production. */
  readonly secureCookies: boolean;
}

export interface ComposedAccess {
  readonly deps: AccessDeps;
  readonly registerRoutes: readonly RouteRegistrar[];
  /** The console's web sessions (cookie, CSRF, `request.principal`), registered before the routes. */
  readonly plugins: readonly ServerPlugin[];
}

/** Wires console access on `database`: the stores, the use cases' dependencies, the routes. */
export function composeAccess(database: OpenDatabase, options: AccessOptions): ComposedAccess {
  const deps: AccessDeps = {
    accounts: createAccountStore(database.db),
    hasher: options.hasher,
    clock: { now: options.now },
    throttle: createLoginThrottle(createLoginFailureStore(database.db)),
  };
  const webSession = {
    store: createWebSessionStore(database.db, options.now),
    secret: options.sessionSecret,
    secureCookies: options.secureCookies,
    authenticate: async (accountId: string) => principalOf(await deps.accounts.findById(accountId)),
    now: options.now,
  };
  return {
    deps,
    registerRoutes: [createSessionRoutes(deps, { secureCookies: options.secureCookies })],
    plugins: [(app) => registerWebSession(app, webSession)],
  };
}

/** Console access for the command line: the accounts, the hasher and the entente's references. */
export function composeAccessCli(
  database: OpenDatabase,
  options: {
    readonly hasher: PasswordHasher;
    readonly now: () => Date;
    readonly references: EntenteReferences;
  },
): AccessCliDeps {
  return {
    accounts: createAccountStore(database.db),
    hasher: options.hasher,
    clock: { now: options.now },
    references: options.references,
  };
}
