import { z } from "zod";
import { requirePrincipal } from "../../access/index.ts";
import type { RouteRegistrar } from "../../platform/http/app-deps.ts";
import { IdParam } from "../../shared/contract-primitives.ts";
import { type ResyncDeps, resyncConnector } from "../app/resync.ts";

const ResyncReport = z.object({
  checked: z.number().int().describe("persons the connector should have"),
  missing: z.number().int().describe("accounts the tool lacks: created again"),
  drifted: z.number().int().describe("accounts that differ: updated (or disabled)"),
  extra: z.number().int().describe("active accounts of persons Entente does not know there: disabled"),
});

/** The full resync of a connector (secretariat): its repairs are events, followed in the deliveries. */
export function createResyncRoutes(deps: ResyncDeps): RouteRegistrar {
  return async (app) => {
    app.post(
      "/api/ententes/:id/provisioning/connectors/:connectorId/resync",
      {
        schema: {
          summary: "Compare the connector's tool with what it should have and queue the repairs",
          tags: ["provisioning"],
          params: z.object({ id: IdParam, connectorId: z.string().min(1).max(200) }),
          response: { 200: ResyncReport },
        },
      },
      async (request) =>
        resyncConnector(deps, requirePrincipal(request), request.params.id, request.params.connectorId),
    );
  };
}
