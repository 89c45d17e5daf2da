import { requirePrincipal } from "../../../access/index.ts";
import type { ZodFastifyInstance } from "../../../platform/http/app-deps.ts";
import type { IdentityAdminDeps } from "../../app/admin/identity-admin-ports.ts";
import { listIdentityEvents } from "../../app/admin/read-identity-events.ts";
import { IdentityEventPage, IdentityEventQuery } from "../../contracts.ts";
import { BASE, EntenteParams, tags } from "./admin-route-params.ts";
import { identityEventJson } from "./identity-admin-json.ts";

/** The sign-in log, newest first, filtered and paged (`before`: the last event of the previous page). */
export function registerEventRoutes(app: ZodFastifyInstance, deps: IdentityAdminDeps): void {
  app.get(
    `${BASE}/events`,
    {
      schema: {
        summary: "Sign-in log (sign-ins, refusals, failures, logouts, second factor), newest first",
        tags,
        params: EntenteParams,
        querystring: IdentityEventQuery,
        response: { 200: IdentityEventPage },
      },
    },
    async (request) => {
      const q = request.query;
      const page = await listIdentityEvents(deps, requirePrincipal(request), request.params.id, {
        kind: q.kind ?? null,
        memberId: q.memberId ?? null,
        sub: q.sub ?? null,
        clientId: q.clientId ?? null,
        from: q.from === undefined ? null : new Date(q.from),
        to: q.to === undefined ? null : new Date(q.to),
        before: q.before ?? null,
        limit: q.limit ?? 50,
      });
      return { events: page.events.map(identityEventJson), nextBefore: page.nextBefore };
    },
  );
}
