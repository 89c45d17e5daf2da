import type { FastifyRequest } from "fastify";
import type { ZodFastifyInstance } from "../../platform/http/app-deps.ts";
import { createJsonMemo, sendJsonText } from "../../platform/http/precomputed-json.ts";
import { authenticateService, getEntitlements, recordUsage } from "../app/entitlements.ts";
import type { WorkplaceDeps } from "../app/ports.ts";
import { EntitlementAnswer, EntitlementQuery, UsageReport } from "../contracts.ts";

const tags = ["digital workplace (services)"];
const PATHS = ["/api/v1.0/entitlements/", "/api/v1.0/entitlements"];

const queryOf = (q: {
  service_id: string;
  account_type: "user" | "organization";
  siret: string;
  account_email?: string | undefined;
  account_id?: string | undefined;
}) => ({
  serviceId: q.service_id,
  accountType: q.account_type,
  siret: q.siret,
  accountEmail: q.account_email,
  accountId: q.account_id,
});

const serviceAuth = (request: FastifyRequest) => {
  const header = request.headers["x-service-auth"];
  return Array.isArray(header) ? undefined : header;
};

/**
 * Entitlements for the services (ANCT Deploy Center's API, which La Suite's apps call):
 * `X-Service-Auth: Bearer <key>`; GET asks, POST asks and stores a `usage_metrics` report first
 * (all or nothing). 401 without a valid key, 404 for a service that is not the key's.
 */
export function registerEntitlementRoutes(app: ZodFastifyInstance, deps: WorkplaceDeps): void {
  for (const path of PATHS) {
    // The same answer, checked once: a service asks for the same accounts on every upload.
    const answerText = createJsonMemo(EntitlementAnswer, { method: "GET/POST", url: path });
    app.get(
      path,
      {
        schema: {
          summary: "What an account may do with the calling service",
          tags,
          querystring: EntitlementQuery,
          response: { 200: EntitlementAnswer },
        },
      },
      async (request, reply) => {
        const service = await authenticateService(deps, serviceAuth(request), request.query.service_id);
        reply.header("cache-control", "no-store");
        return sendJsonText(reply, answerText(await getEntitlements(deps, service, queryOf(request.query))));
      },
    );
    app.post(
      path,
      {
        config: { authenticatedByServiceKey: true },
        schema: {
          summary: "Report usage (usage_metrics) and get the entitlements",
          tags,
          querystring: EntitlementQuery,
          body: UsageReport.partial().optional(),
          response: { 200: EntitlementAnswer },
        },
      },
      async (request, reply) => {
        const service = await authenticateService(deps, serviceAuth(request), request.query.service_id);
        await recordUsage(deps, service, request.body?.usage_metrics ?? []);
        reply.header("cache-control", "no-store");
        return sendJsonText(reply, answerText(await getEntitlements(deps, service, queryOf(request.query))));
      },
    );
  }
}
