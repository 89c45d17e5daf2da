import type { FastifyRequest } from "fastify";
import type { ZodFastifyInstance } from "../../platform/http/app-deps.ts";
import { createJsonMemo, sendJsonText } from "../../platform/http/precomputed-json.ts";
import {
  type EntitlementAnswer as Answer,
  authenticateService,
  type EntitlementQuery as Query,
  recordUsage,
} from "../app/entitlements.ts";
import type { WorkplaceDeps } from "../app/ports.ts";
import { EntitlementAnswer, EntitlementQuery, UsageReport } from "../contracts.ts";
import type { CatalogueEntry } from "../domain/catalogue-entry.ts";

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
 * (all or nothing, committed before the answer; an empty or absent report touches no store).
 * 401 without a valid key, 404 for a service that is not the key's. `entitlementsOf` computes
 * the answer (`getEntitlements`, or composeWorkplace's per-node cache of it).
 */
export function registerEntitlementRoutes(
  app: ZodFastifyInstance,
  deps: WorkplaceDeps,
  entitlementsOf: (service: CatalogueEntry, query: Query) => Promise<Answer>,
): void {
  for (const path of PATHS) {
    // The same answer, checked once: a service asks for the same accounts on every upload. A
    // cached answer is the same object each time: its text is found by identity, not re-hashed.
    const memo = createJsonMemo(EntitlementAnswer, { method: "GET/POST", url: path });
    const texts = new WeakMap<Answer, string>();
    const answerText = (answer: Answer) => {
      let text = texts.get(answer);
      if (text === undefined) {
        text = memo(answer);
        texts.set(answer, text);
      }
      return text;
    };
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
        return sendJsonText(reply, answerText(await entitlementsOf(service, queryOf(request.query))));
      },
    );
    app.post(
      path,
      {
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
        const report = request.body?.usage_metrics ?? [];
        if (report.length > 0) await recordUsage(deps, service, report);
        reply.header("cache-control", "no-store");
        return sendJsonText(reply, answerText(await entitlementsOf(service, queryOf(request.query))));
      },
    );
  }
}
