import { assertCan, type Principal } from "../../access/index.ts";
import {
  DEFAULT_RETENTION_DAYS,
  isRetentionDays,
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
} from "../domain/retention.ts";
import { EntenteError } from "../errors.ts";

/** A person's erasure waiting for its deadline (what the member sees is scheduled). */
export interface ScheduledErasure {
  readonly memberId: string;
  readonly sub: string;
  readonly userName: string;
  /** The service whose accounts are erased (access lost: subscription ended, group left); null: every service. */
  readonly clientId: string | null;
  readonly scheduledAt: Date;
  readonly dueAt: Date;
}

/** Retention periods, scheduled erasures, the scheduler's lease (db/erasure-store.ts). */
export interface ErasureStore {
  setRetention(ententeId: string, memberId: string, days: number, at: Date): Promise<void>;
  /** null: the member never set one (the default applies). */
  retentionOf(ententeId: string, memberId: string): Promise<number | null>;
  listScheduled(ententeId: string, memberId: string | null): Promise<ScheduledErasure[]>;
  /** Takes (or renews) the job's lease until `until`; false while another holder's lease runs. */
  takeLease(name: string, holder: string, now: Date, until: Date): Promise<boolean>;
  /**
   * Turns up to `limit` due erasures into `erased` events (delivered to the connectors serving the
   * member), `FOR UPDATE SKIP LOCKED`, each removed from the schedule in the same transaction.
   * @returns how many.
   */
  enqueueDue(now: Date, limit: number): Promise<number>;
}

export interface RetentionDeps {
  readonly erasures: ErasureStore;
  /** Whether the member exists in the entente. */
  readonly memberExists: (ententeId: string, memberId: string) => Promise<boolean>;
  readonly now: () => Date;
}

/**
 * Sets the member's retention period (days before a disabled person is erased from the
 * services). Deadlines already scheduled keep theirs. The secretariat or the member's own officer.
 * @throws `provisioning.retention_invalid` (not an integer within the bounds),
 *   `provisioning.member_unknown`, `access.forbidden`.
 */
export async function setRetention(
  deps: RetentionDeps,
  principal: Principal | null,
  ententeId: string,
  memberId: string,
  days: unknown,
): Promise<number> {
  if (principal !== null) assertCan(principal, { kind: "edit-member", ententeId, memberId });
  if (!isRetentionDays(days))
    throw new EntenteError("provisioning.retention_invalid", {
      days: String(days),
      min: MIN_RETENTION_DAYS,
      max: MAX_RETENTION_DAYS,
    });
  if (!(await deps.memberExists(ententeId, memberId)))
    throw new EntenteError("provisioning.member_unknown", { ententeId, memberId });
  await deps.erasures.setRetention(ententeId, memberId, days, deps.now());
  return days;
}

/**
 * The member's retention period and its scheduled erasures (the secretariat: every member's
 * when `memberId` is null). @throws `access.forbidden`.
 */
export async function readErasures(
  deps: RetentionDeps,
  principal: Principal | null,
  ententeId: string,
  memberId: string | null,
): Promise<{ readonly retentionDays: number | null; readonly scheduled: ScheduledErasure[] }> {
  if (principal !== null) assertCan(principal, { kind: "read-identity", ententeId, memberId });
  const retentionDays =
    memberId === null
      ? null
      : ((await deps.erasures.retentionOf(ententeId, memberId)) ?? DEFAULT_RETENTION_DAYS);
  return { retentionDays, scheduled: await deps.erasures.listScheduled(ententeId, memberId) };
}

/** The scheduler's lease name: one node at a time enqueues the due erasures. */
export const ERASURE_JOB = "erasures";

/**
 * One run of the erasure scheduler on this node (`holder`): when it holds the lease, turns due
 * erasures into events, `batch` at a time, at most `maxBatches` (bounded). Another node holding
 * the lease: nothing done (returns 0). Its lease lasts `leaseSeconds`.
 * @returns how many erasures were enqueued.
 */
export async function enqueueDueErasures(
  deps: RetentionDeps,
  options: {
    readonly holder: string;
    readonly batch: number;
    readonly maxBatches: number;
    readonly leaseSeconds: number;
  },
): Promise<number> {
  const now = deps.now();
  const until = new Date(now.getTime() + options.leaseSeconds * 1000);
  if (!(await deps.erasures.takeLease(ERASURE_JOB, options.holder, now, until))) return 0;
  let total = 0;
  for (let i = 0; i < options.maxBatches; i += 1) {
    const enqueued = await deps.erasures.enqueueDue(now, options.batch);
    total += enqueued;
    if (enqueued < options.batch) break;
  }
  return total;
}
