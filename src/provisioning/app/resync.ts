import { assertCan, type Principal } from "../../access/index.ts";
import { planResync, type Repair } from "../domain/resync-plan.ts";
import { type AccountState, accountState } from "../domain/scim-person.ts";
import { EntenteError } from "../errors.ts";
import type { ConnectorKind } from "./connector.ts";
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
  const record = await deps.connectors.find(connectorId);
  if (record === null || record.ententeId !== ententeId)
    throw new EntenteError("provisioning.connector_not_found", { connectorId });
  const connector = deps.kinds.get(record.kind)?.create(record);
  if (connector?.list === undefined)
    throw new EntenteError("provisioning.resync_unsupported", { kind: record.kind });
  const peer = await connector.list().catch((error: unknown) => {
    throw new EntenteError(
      "provisioning.resync_peer",
      { label: record.label, reason: error instanceof Error ? error.message : String(error) },
      { cause: error },
    );
  });
  const members = record.memberIds ?? (await deps.resync.membersWithUsers(ententeId));
  const expected = new Map<string, { memberId: string; account: AccountState }>();
  for (const memberId of members)
    for (const [sub, account] of await expectedAccounts(deps, ententeId, memberId, record.clientId))
      expected.set(sub, { memberId, account });
  const repairs = planResync(new Map([...expected].map(([sub, e]) => [sub, e.account])), peer);
  await queue(deps, record.id, ententeId, repairs, expected, members[0] ?? "");
  const count = (reason: Repair["reason"]) => repairs.filter((r) => r.reason === reason).length;
  return {
    checked: expected.size,
    missing: count("missing"),
    drifted: count("drifted"),
    extra: count("extra"),
  };
}

/**
 * What a connector's tool should have of a member's persons: their accounts, enabled when the
 * person is active and — for a catalogued service — admitted by its rule today (the workplace's
 * `decideSubscribedAccess`, as the events): an ended subscription's accounts stay disabled.
 */
async function expectedAccounts(
  deps: ResyncDeps,
  ententeId: string,
  memberId: string,
  clientId: string | null,
): Promise<Map<string, AccountState>> {
  const audiences =
    clientId === null || deps.audiences === undefined
      ? []
      : await deps.audiences.audiencesOf(ententeId, memberId, clientId);
  const at = deps.now();
  const accounts = new Map<string, AccountState>();
  for (const user of await deps.store.listUsers({ ententeId, memberId, sourceId: "" })) {
    if (user.sub === null) continue;
    const account = accountState(
      user.attributes,
      user.groups.map((g) => g.display),
      user.active,
    );
    const admitted = audiences.every((a) => a.admits(account, at));
    accounts.set(user.sub, { ...account, active: account.active && admitted });
  }
  return accounts;
}

/**
 * Appends the repairs per member (the event's member is the person's; an extra account, of a
 * person Entente does not know there, is filed under the first member served).
 */
async function queue(
  deps: ResyncDeps,
  connectorId: string,
  ententeId: string,
  repairs: readonly Repair[],
  expected: ReadonlyMap<string, { readonly memberId: string }>,
  fallbackMember: string,
): Promise<void> {
  const byMember = new Map<string, PersonChange[]>();
  for (const r of repairs) {
    const memberId = expected.get(r.sub)?.memberId ?? fallbackMember;
    byMember.set(memberId, [
      ...(byMember.get(memberId) ?? []),
      { sub: r.sub, kind: r.kind, payload: r.account },
    ]);
  }
  for (const [memberId, changes] of byMember)
    await deps.resync.appendForConnector(connectorId, { ententeId, memberId }, changes, deps.now());
}
