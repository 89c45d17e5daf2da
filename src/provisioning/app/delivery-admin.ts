import { assertCan, type Principal } from "../../access/index.ts";
import type { Actor } from "../../shared/actor.ts";
import { connectorReferenceIssues } from "../domain/connector-references.ts";
import { EntenteError, ValidationError } from "../errors.ts";
import type { ConnectorKind, ConnectorRecord } from "./connector.ts";
import type {
  ConnectorDeliveryCounts,
  ConnectorStore,
  DeliveryState,
  DeliveryStore,
  DeliveryView,
} from "./engine-ports.ts";

/** What the console and the CLI need to follow and repair provisioning. */
export interface DeliveryAdminDeps {
  readonly deliveries: DeliveryStore;
  readonly connectors: ConnectorStore;
  readonly kinds: ReadonlyMap<string, ConnectorKind>;
  readonly now: () => Date;
  readonly newId: () => string;
}

/**
 * The deliveries of an entente (pending, failed with the peer's answer, done) and their counts.
 * Personal data: the secretariat (`read-identity` of every member). Principal null: the CLI.
 */
export async function listDeliveries(
  deps: DeliveryAdminDeps,
  principal: Principal | null,
  ententeId: string,
  filter: {
    readonly state?: DeliveryState | undefined;
    readonly sub?: string | undefined;
    readonly person?: string | undefined;
    readonly connectorId?: string | undefined;
    readonly limit?: number | undefined;
  },
): Promise<{
  readonly counts: Record<DeliveryState, number>;
  readonly connectors: ConnectorDeliveryCounts[];
  readonly deliveries: DeliveryView[];
}> {
  if (principal !== null) assertCan(principal, { kind: "read-identity", ententeId, memberId: null });
  const deliveries = await deps.deliveries.listDeliveries(ententeId, {
    ...filter,
    limit: Math.min(filter.limit ?? 100, 1000),
  });
  return {
    counts: await deps.deliveries.countByState(ententeId),
    connectors: await deps.deliveries.countByConnector(ententeId),
    deliveries,
  };
}

/** Who acts, for the audit trail (the CLI: the operator at the server). */
const actorOf = (principal: Principal | null): Actor =>
  principal === null ? { id: "cli", label: "cli" } : { id: principal.email, label: principal.email };

/**
 * Replays an event: its deliveries (to one connector, or all) are pending again from now, their
 * attempts counted from zero. Connectors are idempotent, so replaying a done delivery is safe.
 * @throws EntenteError `provisioning.event_not_found`, `access.forbidden`.
 */
export async function replayEvent(
  deps: DeliveryAdminDeps,
  principal: Principal | null,
  ententeId: string,
  eventId: string,
  connectorId: string | null,
): Promise<number> {
  if (principal !== null) assertCan(principal, { kind: "manage-identity", ententeId });
  const replayed = /^\d{1,18}$/.test(eventId)
    ? await deps.deliveries.replay(ententeId, eventId, connectorId, deps.now(), actorOf(principal))
    : 0;
  if (replayed === 0) throw new EntenteError("provisioning.event_not_found", { eventId });
  return replayed;
}

/**
 * Replays every failed delivery of one connector (after its peer is repaired): pending again from
 * now, attempts from zero; audited (`provisioning.connector.replay_failed`). Secretariat.
 * @returns how many (0 when none failed).
 * @throws EntenteError `provisioning.connector_not_found` (also another entente's), `access.forbidden`.
 */
export async function replayFailed(
  deps: DeliveryAdminDeps,
  principal: Principal | null,
  ententeId: string,
  connectorId: string,
): Promise<number> {
  if (principal !== null) assertCan(principal, { kind: "manage-identity", ententeId });
  const record = await deps.connectors.find(connectorId);
  if (record === null || record.ententeId !== ententeId)
    throw new EntenteError("provisioning.connector_not_found", { connectorId });
  return deps.deliveries.replayFailed(ententeId, connectorId, deps.now(), actorOf(principal));
}

/** A connector to declare (the secret is kept, never shown back). */
export type ConnectorInput = Omit<ConnectorRecord, "id" | "ententeId">;

/**
 * Declares a connector (secretariat): its kind must exist and its settings be right; it receives
 * the events recorded from now on (a full resync brings the persons already there). Its members
 * and its service must be the entente's (`connectorReferenceIssues`).
 * @throws EntenteError `provisioning.connector_unknown`, `provisioning.connector_settings`;
 *   ValidationError `provisioning.connector_members_unknown` (`memberIds`, naming the unknown ids),
 *   `provisioning.connector_service_unknown` (`clientId`).
 */
export async function addConnector(
  deps: DeliveryAdminDeps,
  principal: Principal | null,
  ententeId: string,
  input: ConnectorInput,
): Promise<ConnectorRecord> {
  if (principal !== null) assertCan(principal, { kind: "manage-identity", ententeId });
  const kind = deps.kinds.get(input.kind);
  if (kind === undefined)
    throw new EntenteError("provisioning.connector_unknown", {
      kind: input.kind,
      known: [...deps.kinds.keys()].join(", "),
    });
  const problems = kind.checkSettings(input.settings);
  if (problems.length > 0)
    throw new EntenteError("provisioning.connector_settings", { problems: problems.join("; ") });
  const [unknownMemberIds, serviceKnown] = await Promise.all([
    deps.connectors.unknownMembers(ententeId, input.memberIds ?? []),
    input.clientId === null ? true : deps.connectors.hasService(ententeId, input.clientId),
  ]);
  const issues = connectorReferenceIssues(input, { unknownMemberIds, serviceKnown });
  if (issues.length > 0) throw new ValidationError(issues);
  const record = { ...input, id: deps.newId(), ententeId };
  await deps.connectors.insert(record, deps.now());
  return record;
}

/**
 * Removes a connector (secretariat): its tool gets nothing more. Its deliveries still pending or
 * failed are dropped with it — not refused: a connector is removed most often because its tool
 * is gone, whose deliveries would never succeed — and the answer and the audit trail
 * (`provisioning.connector.remove`) say how many. The accounts already in the tool stay there.
 * @throws EntenteError `provisioning.connector_not_found` (also another entente's), `access.forbidden`.
 */
export async function removeConnector(
  deps: DeliveryAdminDeps,
  principal: Principal | null,
  ententeId: string,
  connectorId: string,
): Promise<{ readonly pending: number; readonly failed: number }> {
  if (principal !== null) assertCan(principal, { kind: "manage-identity", ententeId });
  const dropped = await deps.connectors.remove(ententeId, connectorId, actorOf(principal), deps.now());
  if (dropped === null) throw new EntenteError("provisioning.connector_not_found", { connectorId });
  return dropped;
}

/** The entente's connectors (secrets left out). */
export async function listConnectors(
  deps: DeliveryAdminDeps,
  principal: Principal | null,
  ententeId: string,
): Promise<ConnectorRecord[]> {
  if (principal !== null) assertCan(principal, { kind: "read-identity", ententeId, memberId: null });
  return (await deps.connectors.list(ententeId)).map((c) => ({ ...c, secret: null }));
}
