import { z } from "zod";
import { requirePrincipal } from "../../access/index.ts";
import type { RouteRegistrar } from "../../platform/http/app-deps.ts";
import { IdParam } from "../../shared/contract-primitives.ts";
import {
  addConnector,
  type DeliveryAdminDeps,
  listConnectors,
  listDeliveries,
  removeConnector,
  replayEvent,
  replayFailed,
} from "../app/delivery-admin.ts";
import {
  Connector,
  ConnectorRemoved,
  ConnectorWrite,
  DeliveryList,
  DeliveryQuery,
  ReplayAnswer,
  ReplayQuery,
} from "../contracts.ts";

const BASE = "/api/ententes/:id/provisioning";
const tags = ["provisioning"];
const EntenteParams = z.object({ id: IdParam });

/**
 * The console's view of provisioning: the deliveries (pending, failed with the peer's answer,
 * done) with their counts overall and per connector, the replay of an event or of a connector's
 * failed deliveries, the connectors. Secretariat (and the CLI).
 */
export function createProvisioningAdminRoutes(deps: DeliveryAdminDeps): RouteRegistrar {
  return async (app) => {
    app.get(
      `${BASE}/deliveries`,
      {
        schema: {
          summary: "Provisioning deliveries, newest first, with counts by state",
          tags,
          params: EntenteParams,
          querystring: DeliveryQuery,
          response: { 200: DeliveryList },
        },
      },
      async (request) => {
        const listed = await listDeliveries(
          deps,
          requirePrincipal(request),
          request.params.id,
          request.query,
        );
        return {
          counts: listed.counts,
          connectors: listed.connectors.map((c) => ({ ...c, failingSince: iso(c.failingSince) })),
          deliveries: listed.deliveries.map(deliveryJson),
        };
      },
    );
    app.post(
      `${BASE}/events/:eventId/replay`,
      {
        schema: {
          summary: "Replay an event: its deliveries (one connector's with ?connectorId=) are pending again",
          tags,
          params: EntenteParams.extend({ eventId: z.string().regex(/^\d{1,18}$/) }),
          querystring: ReplayQuery,
          response: { 200: ReplayAnswer },
        },
      },
      async (request) => ({
        replayed: await replayEvent(
          deps,
          requirePrincipal(request),
          request.params.id,
          request.params.eventId,
          request.query.connectorId ?? null,
        ),
      }),
    );
    await createConnectorRoutes(deps)(app);
  };
}

/** The connectors: their list, their declaration, the replay of their failed deliveries. */
function createConnectorRoutes(deps: DeliveryAdminDeps): RouteRegistrar {
  return async (app) => {
    app.post(
      `${BASE}/connectors/:connectorId/replay-failed`,
      {
        schema: {
          summary: "Replay every failed delivery of a connector (audited)",
          tags,
          params: EntenteParams.extend({ connectorId: z.string().min(1).max(200) }),
          response: { 200: ReplayAnswer },
        },
      },
      async (request) => ({
        replayed: await replayFailed(
          deps,
          requirePrincipal(request),
          request.params.id,
          request.params.connectorId,
        ),
      }),
    );
    app.get(
      `${BASE}/connectors`,
      {
        schema: {
          summary: "Connectors of the entente (secrets never shown)",
          tags,
          params: EntenteParams,
          response: { 200: z.array(Connector) },
        },
      },
      async (request) =>
        (await listConnectors(deps, requirePrincipal(request), request.params.id)).map(connectorJson),
    );
    app.post(
      `${BASE}/connectors`,
      {
        schema: {
          summary: "Declare a connector (scim, ejabberd, mail)",
          tags,
          params: EntenteParams,
          body: ConnectorWrite,
          response: { 201: Connector },
        },
      },
      async (request, reply) => {
        const created = await addConnector(deps, requirePrincipal(request), request.params.id, {
          ...request.body,
          clientId: request.body.clientId ?? null,
          secret: request.body.secret ?? null,
          memberIds: request.body.memberIds ?? null,
        });
        return reply.code(201).send(connectorJson(created));
      },
    );
    app.delete(
      `${BASE}/connectors/:connectorId`,
      {
        schema: {
          summary: "Remove a connector, dropping its pending and failed deliveries (audited)",
          tags,
          params: EntenteParams.extend({ connectorId: z.string().min(1).max(200) }),
          response: { 200: ConnectorRemoved },
        },
      },
      async (request) => ({
        id: request.params.connectorId,
        droppedDeliveries: await removeConnector(
          deps,
          requirePrincipal(request),
          request.params.id,
          request.params.connectorId,
        ),
      }),
    );
  };
}

type Listed = Awaited<ReturnType<typeof listDeliveries>>["deliveries"][number];

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

function deliveryJson(d: Listed) {
  return {
    ...d,
    createdAt: d.createdAt.toISOString(),
    nextAttemptAt: iso(d.nextAttemptAt),
    lastAttemptAt: iso(d.lastAttemptAt),
    doneAt: iso(d.doneAt),
  };
}

function connectorJson(c: Awaited<ReturnType<typeof listConnectors>>[number]) {
  const { secret: _secret, settings, ...rest } = c;
  return {
    ...rest,
    memberIds: rest.memberIds === null ? null : [...rest.memberIds],
    settings: { ...settings },
  };
}
