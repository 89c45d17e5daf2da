import { z } from "zod";
import { requirePrincipal } from "../../../access/index.ts";
import { listAudit } from "../../app/list-audit.ts";
import { AuditPage } from "../../contracts/api.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { EntenteParams } from "../route-params.ts";

/** `GET /api/ententes/:id/audit?before=&limit=`: the audit trail, newest first, paged. */
export const listAuditRoute: FinanceRoute = (app, deps) => {
  app.get(
    "/api/ententes/:id/audit",
    {
      schema: {
        summary: "Audit trail, newest first",
        tags: ["audit"],
        params: EntenteParams,
        querystring: z.object({
          before: z.string().regex(/^\d+$/).optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
        }),
        response: { 200: AuditPage },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? 50;
      const before = request.query.before ?? null;
      const events = await listAudit(deps, requirePrincipal(request), request.params.id, before, limit);
      return {
        events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
        nextBefore: events.length === limit ? (events.at(-1)?.id ?? null) : null,
      };
    },
  );
};
