import type { Kysely, Transaction } from "kysely";
import type { Actor } from "../../shared/actor.ts";
import type { Localized } from "../errors.ts";
import { recordAudit } from "./record-audit.ts";
import { throwStaleOrMissing } from "./stale-version.ts";

/** A record read back by a versioned update: anything carrying its optimistic-concurrency version. */
export interface Versioned {
  readonly rowVersion: number;
}

/**
 * One optimistic-concurrency change of a record, with its audit event. `update` makes the
 * guarded write: `… SET row_version = row_version + 1 WHERE … AND row_version = expected`, and
 * returns how many rows it changed (0: someone saved first, or the record is gone).
 */
export interface VersionedChange<DB, T extends Versioned> {
  /** The record, as people name it in messages (`le membre`, `the member`). */
  readonly what: Localized;
  /** Its id, for messages and the audit trail. */
  readonly id: string;
  /** The version the change was made from (what the client read). */
  readonly expectedVersion: number;
  readonly audit: {
    readonly actor: Actor;
    readonly ententeId: string | null;
    readonly entity: string;
    readonly action?: string;
    /** What the trail keeps of the record (default: the record itself). */
    readonly view?: (record: T) => unknown;
  };
  /** Reads the record in the transaction; undefined when it does not exist. */
  load(trx: Transaction<DB>): Promise<T | undefined>;
  /** The guarded write (see above); returns the number of rows it updated. */
  update(trx: Transaction<DB>, before: T): Promise<bigint>;
  /** Writes that follow the guarded one in the same transaction (replaced child rows). */
  afterUpdate?(trx: Transaction<DB>, before: T): Promise<void>;
}

/**
 * Runs a versioned change in one transaction: reads the record, makes the guarded write, the
 * writes that follow, reads the record again and appends the audit event (before, after). The
 * one sequence every store uses for its updates, so that a concurrent edit is refused the same
 * way everywhere and nothing is half-written.
 * @throws EntenteError `resource.not_found` (no such record), `conflict.stale_version` (the
 *   record changed since `expectedVersion`); nothing is written then.
 */
export async function runVersionedUpdate<DB, T extends Versioned>(
  db: Kysely<DB>,
  change: VersionedChange<DB, T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const before = await change.load(trx);
    if (before === undefined)
      return throwStaleOrMissing(change.what, change.id, change.expectedVersion, undefined);
    const updated = await change.update(trx, before);
    if (updated === 0n)
      throwStaleOrMissing(change.what, change.id, change.expectedVersion, before.rowVersion);
    await change.afterUpdate?.(trx, before);
    const after = await change.load(trx);
    if (after === undefined)
      return throwStaleOrMissing(change.what, change.id, change.expectedVersion, undefined);
    const view = change.audit.view ?? ((record: T) => record);
    await recordAudit(trx, {
      actor: change.audit.actor,
      ententeId: change.audit.ententeId,
      action: change.audit.action ?? "update",
      entity: change.audit.entity,
      entityId: change.id,
      before: view(before),
      after: view(after),
    });
    return after;
  });
}
