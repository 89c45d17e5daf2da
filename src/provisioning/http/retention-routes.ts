import { z } from "zod";
import { requirePrincipal } from "../../access/index.ts";
import type { RouteRegistrar } from "../../platform/http/app-deps.ts";
import { IdParam } from "../../shared/contract-primitives.ts";
import { type RetentionDeps, readErasures, setRetention } from "../app/retention.ts";
import { MAX_RETENTION_DAYS } from "../domain/retention.ts";

const BASE = "/api/ententes/:id/provisioning";
const tags = ["provisioning"];
const EntenteParams = z.object({ id: IdParam });

const ScheduledErasure = z.object({
  memberId: z.string(),
  sub: z.string(),
  userName: z.string(),
  clientId: z
    .string()
    .nullable()
    .describe("the service whose accounts are erased (its subscription ended); null: every service"),
  scheduledAt: z.string().describe("when the person was disabled (ISO 8601)"),
  dueAt: z.string().describe("when the accounts are erased from the services, unless reactivated before"),
});
const ErasureList = z.object({
  retentionDays: z
    .number()
    .int()
    .nullable()
    .describe("the member's retention period (null: every member asked)"),
  scheduled: z.array(ScheduledErasure),
});

/**
 * Deprovisioning's retention: the member's period (days before a disabled person's accounts are
 * erased) and the erasures scheduled. Read: the secretariat and the member's officers (their own
 * member); set: the secretariat or the member's own officer.
 */
export function createRetentionRoutes(deps: RetentionDeps): RouteRegistrar {
  return async (app) => {
    app.get(
      `${BASE}/erasures`,
      {
        schema: {
          summary: "Erasures scheduled after the retention period, soonest first",
          tags,
          params: EntenteParams,
          querystring: z.object({ memberId: IdParam.optional() }),
          response: { 200: ErasureList },
        },
      },
      async (request) => {
        const read = await readErasures(
          deps,
          requirePrincipal(request),
          request.params.id,
          request.query.memberId ?? null,
        );
        return {
          retentionDays: read.retentionDays,
          scheduled: read.scheduled.map((e) => ({
            ...e,
            scheduledAt: e.scheduledAt.toISOString(),
            dueAt: e.dueAt.toISOString(),
          })),
        };
      },
    );
    app.put(
      `${BASE}/members/:memberId/retention`,
      {
        schema: {
          summary: `Set the member's retention period (whole days, 1 to ${MAX_RETENTION_DAYS}; default 30)`,
          tags,
          params: EntenteParams.extend({ memberId: IdParam }),
          body: z.object({ days: z.unknown() }),
          response: { 200: z.object({ retentionDays: z.number().int() }) },
        },
      },
      async (request) => ({
        retentionDays: await setRetention(
          deps,
          requirePrincipal(request),
          request.params.id,
          request.params.memberId,
          request.body.days,
        ),
      }),
    );
  };
}
