// Composition of the finance context (pillar 1: the entente's members, missions, keys, budgets,
// decisions, fund calls) on an open database: its stores, its use cases' dependencies and its
// API routes. src/compose.ts runs it for the server, the CLI, the API tests and the benchmarks.
import type { OpenDatabase } from "../platform/db/open-database.ts";
import type { RouteRegistrar } from "../platform/http/app-deps.ts";
import type { FinanceDeps } from "./app/finance-deps.ts";
import type { SubscriptionsOfMember } from "./app/ports/subscriptions-of-member.ts";
import type { UsageSource } from "./app/ports/usage-source.ts";
import type { FinanceCliDeps } from "./cli/commands.ts";
import { createFinanceStores } from "./db/create-finance-stores.ts";
import { createActivityRoutes } from "./http/activity-routes.ts";
import { createAmendingRoutes } from "./http/amending-routes.ts";
import { createBudgetRoutes } from "./http/budget-routes.ts";
import { createEntenteRoutes } from "./http/entente-routes.ts";

/** The finance context wired: the use cases' dependencies and the API's route registrars. */
export interface ComposedFinance {
  readonly deps: FinanceDeps;
  readonly registerRoutes: readonly RouteRegistrar[];
}

/** What finance asks the digital workplace, given by the composition (none: no workplace). */
export interface FinanceWorkplacePorts {
  readonly usage?: UsageSource;
  readonly subscriptions?: SubscriptionsOfMember;
}

/** Without a workplace: no service to measure, no subscription to check. */
const NO_USAGE: UsageSource = { figures: async () => ({ unknownService: [] }) };
const NO_SUBSCRIPTIONS: SubscriptionsOfMember = { outside: async () => [] };

/** Wires the finance context on `database`: PostgreSQL/PGlite stores, use cases, API routes. */
export function composeFinance(
  database: OpenDatabase,
  options: { readonly now: () => Date } & FinanceWorkplacePorts,
): ComposedFinance {
  const deps: FinanceDeps = {
    ...createFinanceStores(database.db),
    clock: { now: options.now },
    usage: options.usage ?? NO_USAGE,
    subscriptions: options.subscriptions ?? NO_SUBSCRIPTIONS,
  };
  return {
    deps,
    registerRoutes: [
      createEntenteRoutes(deps),
      createBudgetRoutes(deps),
      createActivityRoutes(deps),
      createAmendingRoutes(deps),
    ],
  };
}

/** The finance commands' dependencies on `database` (src/cli.ts). */
export function composeFinanceCli(
  database: OpenDatabase,
  ports: FinanceWorkplacePorts & { readonly now?: () => Date } = {},
): FinanceCliDeps {
  const stores = createFinanceStores(database.db);
  return {
    ententes: stores.ententes,
    budgets: stores.budgets,
    fundCalls: stores.fundCalls,
    keys: stores.keys,
    usage: ports.usage ?? NO_USAGE,
    subscriptions: ports.subscriptions ?? NO_SUBSCRIPTIONS,
    clock: { now: ports.now ?? (() => new Date()) },
  };
}
