import { z } from "zod";
import { requirePrincipal } from "../../access/index.ts";
import type { ZodFastifyInstance } from "../../platform/http/app-deps.ts";
import {
  listMigrationWaves,
  listSubscriptions,
  putSubscription,
  removeSubscription,
} from "../app/manage-subscriptions.ts";
import type { WorkplaceDeps } from "../app/ports.ts";
import {
  EntenteParams,
  MigrationLine,
  ServiceParams,
  Subscription,
  SubscriptionParams,
  SubscriptionWrite,
} from "../contracts.ts";
import { BASE, tags } from "./catalogue-routes.ts";
import { subscriptionJson } from "./entry-json.ts";

/** Members' subscriptions to a catalogued service (the service's access policy). */
export function registerSubscriptionRoutes(app: ZodFastifyInstance, deps: WorkplaceDeps): void {
  const keyOf = (p: { id: string; clientId: string; memberId: string }) => ({
    ententeId: p.id,
    clientId: p.clientId,
    memberId: p.memberId,
  });
  app.get(
    `${BASE}/services/:clientId/subscriptions`,
    {
      schema: {
        summary: "Members subscribed to the service",
        tags,
        params: ServiceParams,
        response: { 200: z.array(Subscription) },
      },
    },
    async (request) =>
      (
        await listSubscriptions(deps, requirePrincipal(request), request.params.id, request.params.clientId)
      ).map(subscriptionJson),
  );
  app.put(
    `${BASE}/services/:clientId/subscriptions/:memberId`,
    {
      schema: {
        summary:
          "Subscribe a member (rowVersion null) or change its subscription: dates, quotas, roles, groups",
        tags,
        params: SubscriptionParams,
        body: SubscriptionWrite,
        response: { 200: Subscription },
      },
    },
    async (request) =>
      subscriptionJson(
        await putSubscription(deps, requirePrincipal(request), keyOf(request.params), request.body),
      ),
  );
  app.get(
    `${BASE}/migration`,
    {
      schema: {
        summary:
          "Migration waves per member × service: planned and actual dates, accounts planned, migrated, remaining",
        tags,
        params: EntenteParams,
        response: { 200: z.array(MigrationLine) },
      },
    },
    async (request) => listMigrationWaves(deps, requirePrincipal(request), request.params.id),
  );
  app.delete(
    `${BASE}/services/:clientId/subscriptions/:memberId`,
    { schema: { summary: "End a member's subscription now", tags, params: SubscriptionParams } },
    async (request, reply) => {
      await removeSubscription(deps, requirePrincipal(request), keyOf(request.params));
      return reply.code(204).send();
    },
  );
}
