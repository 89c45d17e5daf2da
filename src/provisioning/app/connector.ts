import type { AccountState } from "../domain/scim-person.ts";

/**
 * The plugin interface of connectors (docs/provisioning.md, "Write a connector"). A connector
 * keeps the accounts of one tool (a SCIM service, ejabberd, a mailbox server) in step with the
 * pivot identity. It receives each change of a person's account with the account's state after
 * it, and must be **idempotent**: delivering the same event twice leaves the tool as once (create
 * if missing, else update; disable an already disabled account without error).
 */
export interface Connector {
  /** Applies one change. Throw (or answer `retry`) when the tool could not: the engine retries with backoff. */
  deliver(change: ConnectorChange): Promise<DeliveryOutcome>;
  /**
   * Optional capability for the full resync: the accounts Entente keeps at the tool (those it
   * can tell by the person's `sub`), as the tool has them. Throws when the tool cannot answer.
   * `expected` (the persons it should have, by `sub`) lets a tool that does not keep the `sub`
   * (ejabberd knows a user name only) name its accounts by the person's `sub`; an account of
   * no expected person keeps the tool's own key as `sub`.
   */
  list?(expected: ReadonlyMap<string, AccountState>): Promise<PeerAccount[]>;
}

/** An account as the tool has it, for the resync's comparison. */
export interface PeerAccount {
  readonly sub: string;
  readonly userName: string;
  readonly active: boolean;
  readonly email: string | null;
  readonly givenName: string;
  readonly familyName: string;
}

/** One change of a person's account, as a connector receives it. */
export interface ConnectorChange {
  readonly eventId: string;
  readonly kind: "created" | "updated" | "suspended" | "reactivated" | "deleted" | "erased";
  /** The person's stable id in Entente (pivot `sub`). */
  readonly sub: string;
  readonly ententeId: string;
  readonly memberId: string;
  readonly account: AccountState;
}

/**
 * What happened: `done` (the tool has the state), `retry` (a transient failure: the peer is down,
 * answered 5xx or 429) or `reject` (the peer refused the request: no retry will change it; the
 * delivery is failed at once and waits for an operator's replay). `detail` is the peer's answer,
 * shown in the console.
 */
export type DeliveryOutcome =
  | { readonly status: "done"; readonly detail?: string }
  | { readonly status: "retry" | "reject"; readonly detail: string };

/** A connector as configured by the secretariat. */
export interface ConnectorRecord {
  readonly id: string;
  readonly ententeId: string;
  readonly kind: string;
  readonly label: string;
  /** The OIDC service (identity's service client) whose accounts it keeps; null for none. */
  readonly clientId: string | null;
  readonly settings: Readonly<Record<string, unknown>>;
  /** Its credential (a bearer token, an API password); never shown back. */
  readonly secret: string | null;
  /** Members whose persons it receives; null: every member. */
  readonly memberIds: readonly string[] | null;
  readonly enabled: boolean;
}

/**
 * A kind of connector: checks its settings and builds the connector. Registered in the
 * composition (`compose.ts`): `scim`, `ejabberd`, `mail`.
 */
export interface ConnectorKind {
  readonly kind: string;
  /** @returns the problems of the settings (empty when they are right), each naming the field. */
  checkSettings(settings: Readonly<Record<string, unknown>>): string[];
  create(record: ConnectorRecord): Connector;
}
