import type { RouteRegistrar } from "./app-deps.ts";
import { HealthResponse } from "./health-contract.ts";

/**
 * `GET /api/health`: answers as long as the process serves requests (liveness for a load
 * balancer or an orchestrator), with the version and the whole seconds since `startedAt`.
 */
export function createHealthRoutes(deps: {
  readonly version: string;
  readonly now: () => Date;
  readonly startedAt: Date;
}): RouteRegistrar {
  return async (app) => {
    app.get(
      "/api/health",
      {
        schema: {
          summary: "Liveness of the server",
          tags: ["system"],
          response: { 200: HealthResponse },
        },
      },
      async () => ({
        status: "ok" as const,
        version: deps.version,
        uptimeSeconds: Math.max(0, Math.floor((deps.now().getTime() - deps.startedAt.getTime()) / 1000)),
      }),
    );
  };
}
