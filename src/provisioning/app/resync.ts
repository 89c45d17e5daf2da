import { assertCan, type Principal } from "../../access/index.ts";
import { planResync, type Repair } from "../domain/resync-plan.ts";
import { type AccountState, accountState } from "../domain/scim-person.ts";
import { EntenteError } from "../errors.ts";
import type { Connector, ConnectorKind, ConnectorRecord, PeerAccount } from "./connector.ts";
import type { ConnectorStore } from "./engine-ports.ts";
import type { PersonChange, ScimStore, ServiceAudiences } from "./ports.ts";

/** What the resync reads and writes besides the SCIM store. */
export interface ResyncStore {
  /** The members of the entente that pushed Users. */
  membersWithUsers(ententeId: string): Promise<string[]>;
  /** Appends the repairs as events delivered to this connector only, in one transaction. */
  appendForConnector(
    connectorId: string,
    scope: { readonly ententeId: string; readonly memberId: string },
    changes: readonly PersonChange[],
    at: Date,
  ): Promise<void>;
}

export interface ResyncDeps {
  readonly store: ScimStore;
  readonly resync: ResyncStore;
  readonly connectors: ConnectorStore;
  readonly kinds: ReadonlyMap<string, ConnectorKind>;
  readonly now: () => Date;
  /** The catalogued services' access rules (absent: every active person is expected). */
  readonly audiences?: ServiceAudiences;
}

/** What a resync found and queued (each repair an event delivered to the connector). */
export interface ResyncReport {
  readonly checked: number;
  readonly missing: number;
  readonly drifted: number;
  readonly extra: number;
}

/**
 * The full resync of one connector: lists what its tool has (`list`), compares it with what it
 * should have (the persons of the members it serves), and queues the repairs as events for that
 * connector only — delivered, retried and shown like every event. Secretariat (principal null:
 * the CLI).
 * @throws `provisioning.connector_not_found`, `provisioning.resync_unsupported` (a connector
 *   without `list`), `provisioning.resync_peer` (the tool could not be listed), `access.forbidden`.
 */
export async function resyncConnector(
  deps: ResyncDeps,
  principal: Principal | null,
  ententeId: string,
  connectorId: string,
): Promise<ResyncReport> {
  if (principal !== null) assertCan(principal, { kind: "manage-identity", ententeId });
  const { record, connector } = await resyncableConnector(deps, ententeId, connectorId);
  const expected = await expectedAccounts(deps, ententeId, record);
  const peer = await listPeer(record.label, connector, expected);
  const members = record.memberIds ?? (await deps.resync.membersWithUsers(ententeId));
  const repairs = planResync(accountsOf(expected), peer);
  for (const [memberId, changes] of changesByMember(repairs, expected, members[0] ?? ""))
    await deps.resync.appendForConnector(record.id, { ententeId, memberId }, changes, deps.now());
  const count = (reason: Repair["reason"]) => repairs.filter((r) => r.reason === reason).length;
  return {
    checked: expected.size,
    missing: count("missing"),
    drifted: count("drifted"),
    extra: count("extra"),
  };
}

/**
 * The repairs as changes per member (the event's member is the person's; an extra account, of a
 * person Entente does not know there, is filed under the first member served).
 */
export function changesByMember(
  repairs: readonly Repair[],
  expected: ExpectedAccounts,
  fallbackMember: string,
): Map<string, PersonChange[]> {
  const byMember = new Map<string, PersonChange[]>();
  for (const r of repairs) {
    const memberId = expected.get(r.sub)?.memberId ?? fallbackMember;
    byMember.set(memberId, [
      ...(byMember.get(memberId) ?? []),
      { sub: r.sub, kind: r.kind, payload: r.account },
    ]);
  }
  return byMember;
}

/** The persons a connector should have, by `sub`, with their member and account state. */
export type ExpectedAccounts = ReadonlyMap<
  string,
  { readonly memberId: string; readonly account: AccountState }
>;

/**
 * The connector of the entente, able to list its tool.
 * @throws `provisioning.connector_not_found` (another entente's too), `provisioning.resync_unsupported`.
 */
export async function resyncableConnector(
  deps: Pick<ResyncDeps, "connectors" | "kinds">,
  ententeId: string,
  connectorId: string,
): Promise<{
  readonly record: ConnectorRecord;
  readonly connector: Connector & Required<Pick<Connector, "list">>;
}> {
  const record = await deps.connectors.find(connectorId);
  if (record === null || record.ententeId !== ententeId)
    throw new EntenteError("provisioning.connector_not_found", { connectorId });
  const connector = deps.kinds.get(record.kind)?.create(record);
  if (connector?.list === undefined)
    throw new EntenteError("provisioning.resync_unsupported", { kind: record.kind });
  const list = connector.list.bind(connector);
  return { record, connector: { ...connector, list } };
}

/**
 * The persons (with a `sub`) of the members the connector serves (`memberIds`, null: every member
 * with Users), with their accounts: enabled when the person is active and — for a catalogued
 * service (`clientId`) — admitted by its rule today (the workplace's `decideSubscribedAccess`, as
 * the events): an ended subscription's accounts stay disabled.
 */
export async function expectedAccounts(
  deps: Pick<ResyncDeps, "store" | "resync" | "audiences" | "now">,
  ententeId: string,
  record: Pick<ConnectorRecord, "memberIds" | "clientId">,
): Promise<ExpectedAccounts> {
  const members = record.memberIds ?? (await deps.resync.membersWithUsers(ententeId));
  const expected = new Map<string, { memberId: string; account: AccountState }>();
  const at = deps.now();
  for (const memberId of members) {
    const audiences =
      record.clientId === null || deps.audiences === undefined
        ? []
        : await deps.audiences.audiencesOf(ententeId, memberId, record.clientId);
    for (const user of await deps.store.listUsers({ ententeId, memberId, sourceId: "" })) {
      if (user.sub === null) continue;
      const account = accountState(
        user.attributes,
        user.groups.map((g) => g.display),
        user.active,
      );
      const admitted = audiences.every((a) => a.admits(account, at));
      expected.set(user.sub, { memberId, account: { ...account, active: account.active && admitted } });
    }
  }
  return expected;
}

/** The account states alone, by `sub`. */
export const accountsOf = (expected: ExpectedAccounts): Map<string, AccountState> =>
  new Map([...expected].map(([sub, e]) => [sub, e.account]));

/** What the tool has. @throws `provisioning.resync_peer` naming the connector and the reason. */
export async function listPeer(
  label: string,
  connector: Required<Pick<Connector, "list">>,
  expected: ExpectedAccounts,
): Promise<PeerAccount[]> {
  return connector.list(accountsOf(expected)).catch((error: unknown) => {
    throw new EntenteError(
      "provisioning.resync_peer",
      { label, reason: error instanceof Error ? error.message : String(error) },
      { cause: error },
    );
  });
}
