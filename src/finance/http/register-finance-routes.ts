import type { RouteRegistrar, ZodFastifyInstance } from "../../platform/http/app-deps.ts";
import type { FinanceDeps } from "../app/finance-deps.ts";

/**
 * One route of the finance API: a small function that declares its path, its zod schemas
 * (params, query, body and response) and a handler calling one use case.
 */
export type FinanceRoute = (app: ZodFastifyInstance, deps: FinanceDeps) => void;

/**
 * The registrar of a table of routes: registered in the order given, which is also their order
 * in the OpenAPI document.
 */
export function registerFinanceRoutes(routes: readonly FinanceRoute[], deps: FinanceDeps): RouteRegistrar {
  return async (app) => {
    for (const route of routes) route(app, deps);
  };
}
