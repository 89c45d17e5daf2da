import type { Actor } from "../../shared/actor.ts";
import type { AccountState } from "../domain/scim-person.ts";
import type { ConnectorRecord } from "./connector.ts";

/** A delivery a node has leased: the event, the connector, the attempt number. */
export interface LeasedDelivery {
  readonly eventId: string;
  readonly connectorId: string;
  readonly attempt: number;
  readonly leasedUntil: Date;
  readonly kind: "created" | "updated" | "suspended" | "reactivated" | "deleted" | "erased";
  readonly sub: string;
  readonly ententeId: string;
  readonly memberId: string;
  readonly account: AccountState;
}

export type DeliveryState = "pending" | "done" | "failed";

/** A delivery as the console lists it. */
export interface DeliveryView {
  readonly eventId: string;
  readonly connectorId: string;
  readonly connectorLabel: string;
  readonly kind: string;
  readonly sub: string;
  readonly memberId: string;
  readonly userName: string;
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly createdAt: Date;
  readonly nextAttemptAt: Date | null;
  readonly lastAttemptAt: Date | null;
  /** The peer's answer to the last attempt (failed or retried). */
  readonly lastError: string | null;
  readonly doneAt: Date | null;
}

/** A connector's deliveries by state; `failingSince`: the first failed attempt of its unfinished ones. */
export interface ConnectorDeliveryCounts {
  readonly connectorId: string;
  readonly label: string;
  readonly kind: string;
  readonly pending: number;
  readonly failed: number;
  readonly done: number;
  readonly failingSince: Date | null;
}

/** The event log and its deliveries (PostgreSQL/PGlite). */
export interface DeliveryStore {
  /**
   * Leases up to `limit` due deliveries (pending, `next_attempt_at` passed, not leased by a live
   * lease) whose connector has no earlier unfinished delivery for the same person — in event
   * order, `FOR UPDATE SKIP LOCKED`, so that several nodes never take the same one — and counts
   * the attempt.
   */
  leaseDue(now: Date, leaseUntil: Date, limit: number): Promise<LeasedDelivery[]>;
  /** Marks a leased delivery done (only while this lease holds it). */
  markDone(delivery: LeasedDelivery, at: Date): Promise<void>;
  /** Records a failed attempt: retried at `retryAt`, or `failed` when null. */
  markFailed(delivery: LeasedDelivery, error: string, at: Date, retryAt: Date | null): Promise<void>;
  /** Deliveries of the entente, newest event first (optionally one state, one person). */
  listDeliveries(
    ententeId: string,
    filter: {
      readonly state?: DeliveryState | undefined;
      readonly sub?: string | undefined;
      /** A person's sub, or part of its user name (case-insensitive). */
      readonly person?: string | undefined;
      readonly connectorId?: string | undefined;
      readonly limit: number;
    },
  ): Promise<DeliveryView[]>;
  /** Per connector of the entente: its deliveries by state and since when its peer fails. */
  countByConnector(ententeId: string): Promise<ConnectorDeliveryCounts[]>;
  /** Counts by state of the entente's deliveries (the console's summary, the CLI's progress). */
  countByState(ententeId: string): Promise<Record<DeliveryState, number>>;
  /** Puts the event's deliveries (one connector's, or all) back to pending now. @returns how many. */
  replay(
    ententeId: string,
    eventId: string,
    connectorId: string | null,
    now: Date,
    actor: Actor,
  ): Promise<number>;
  /** Puts the connector's failed deliveries back to pending now, audited. @returns how many. */
  replayFailed(ententeId: string, connectorId: string, now: Date, actor: Actor): Promise<number>;
}

/** Connectors as the secretariat declares them. */
export interface ConnectorStore {
  list(ententeId: string): Promise<ConnectorRecord[]>;
  find(connectorId: string): Promise<ConnectorRecord | null>;
  insert(record: ConnectorRecord, at: Date): Promise<void>;
  /**
   * Deletes the entente's connector with its deliveries and resync jobs, audited
   * (`provisioning.connector.remove`, with how many deliveries were dropped), in one transaction.
   * @returns the deliveries dropped by state; null when the entente has no such connector.
   */
  remove(
    ententeId: string,
    connectorId: string,
    actor: Actor,
    at: Date,
  ): Promise<{ readonly pending: number; readonly failed: number } | null>;
  /** Which of `memberIds` are not members of the entente. */
  unknownMembers(ententeId: string, memberIds: readonly string[]): Promise<string[]>;
  /** Whether `clientId` is a service (identity's service client) of the entente. */
  hasService(ententeId: string, clientId: string): Promise<boolean>;
}
