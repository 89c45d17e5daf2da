import { assertCan, type Principal } from "../../access/index.ts";
import { nextResyncPage, type ResyncPage } from "../domain/resync-page.ts";
import { EntenteError } from "../errors.ts";
import type { PersonChange } from "./ports.ts";
import {
  accountsOf,
  changesByMember,
  expectedAccounts,
  listPeer,
  type ResyncDeps,
  resyncableConnector,
} from "./resync.ts";

export type ResyncJobState = "running" | "stopped" | "done" | "failed";

/** A full resync of one connector, as the console and the CLI follow it. */
export interface ResyncJob {
  readonly id: string;
  readonly ententeId: string;
  readonly connectorId: string;
  readonly state: ResyncJobState;
  /** The last account compared (`sub` order); a resume starts after it. */
  readonly cursor: string | null;
  readonly total: number;
  readonly compared: number;
  readonly created: number;
  readonly updated: number;
  readonly disabled: number;
  readonly errors: number;
  readonly lastError: string | null;
  readonly startedBy: string;
  readonly startedAt: Date;
  readonly updatedAt: Date;
}

/** The jobs' rows (db/resync-job-store.ts); every write of a running job checks its lease. */
export interface ResyncJobStore {
  /** @returns null when the connector already has a running or stopped job. */
  create(
    job: { id: string; ententeId: string; connectorId: string; startedBy: string },
    at: Date,
  ): Promise<ResyncJob | null>;
  find(ententeId: string, jobId: string): Promise<ResyncJob | null>;
  /** The entente's jobs, newest first (20 at most). */
  list(ententeId: string): Promise<ResyncJob[]>;
  /** Takes the lease of a running job free of any live lease. @returns the job, or null. */
  claim(jobId: string, holder: string, now: Date, leaseUntil: Date): Promise<ResyncJob | null>;
  /**
   * In one transaction, while the job is running and this holder's: appends the page's repairs
   * (events for this connector only), moves the cursor, adds the counts, renews the lease.
   * @returns false when the job was stopped or taken over meanwhile (nothing written).
   */
  recordPage(
    job: { id: string; ententeId: string; connectorId: string; holder: string },
    page: Omit<ResyncPage, "repairs"> & { readonly changes: ReadonlyMap<string, readonly PersonChange[]> },
    at: Date,
    leaseUntil: Date,
  ): Promise<boolean>;
  /** Ends a running job held by `holder` (done, or failed with the reason). */
  finish(
    jobId: string,
    holder: string,
    state: "done" | "failed",
    error: string | null,
    at: Date,
  ): Promise<void>;
  /** Moves a job of the entente from one of `from` to `to` (lease released). @returns the job, or null. */
  transition(
    ententeId: string,
    jobId: string,
    from: readonly ResyncJobState[],
    to: ResyncJobState,
    at: Date,
  ): Promise<ResyncJob | null>;
  /** Running jobs no live lease holds (started, resumed, or left by a node that stopped). */
  runnable(now: Date): Promise<string[]>;
}

export interface ResyncJobDeps extends ResyncDeps {
  readonly jobs: ResyncJobStore;
  readonly newId: () => string;
}

/** Accounts compared per page, and how long a node holds a job between two pages. */
export const RESYNC_PAGE = { size: 200, leaseSeconds: 120 } as const;

/**
 * Starts the full resync of a connector as a job (state `running`; a node runs it, see
 * {@link runResyncJob}). Secretariat; principal null: the CLI.
 * @throws `provisioning.connector_not_found` (also another entente's), `provisioning.resync_unsupported`,
 *   `provisioning.resync_open` (a running or stopped job exists: resume it), `access.forbidden`.
 */
export async function startResync(
  deps: ResyncJobDeps,
  principal: Principal | null,
  ententeId: string,
  connectorId: string,
): Promise<ResyncJob> {
  if (principal !== null) assertCan(principal, { kind: "manage-identity", ententeId });
  await resyncableConnector(deps, ententeId, connectorId);
  const job = await deps.jobs.create(
    { id: deps.newId(), ententeId, connectorId, startedBy: principal?.email ?? "cli" },
    deps.now(),
  );
  if (job === null) throw new EntenteError("provisioning.resync_open", { connectorId });
  return job;
}

/**
 * Stops a running job after its page in progress (`stop`), or resumes a stopped or failed one
 * from its cursor (`resume`). Secretariat; principal null: the CLI.
 * @throws `provisioning.resync_not_found`, `provisioning.resync_state` (e.g. stopping a done job), `access.forbidden`.
 */
export async function changeResync(
  deps: ResyncJobDeps,
  principal: Principal | null,
  ententeId: string,
  jobId: string,
  action: "stop" | "resume",
): Promise<ResyncJob> {
  if (principal !== null) assertCan(principal, { kind: "manage-identity", ententeId });
  const [from, to]: [ResyncJobState[], ResyncJobState] =
    action === "stop" ? [["running"], "stopped"] : [["stopped", "failed"], "running"];
  const moved = await deps.jobs.transition(ententeId, jobId, from, to, deps.now());
  if (moved !== null) return moved;
  const job = await deps.jobs.find(ententeId, jobId);
  if (job === null) throw new EntenteError("provisioning.resync_not_found", { jobId });
  throw new EntenteError("provisioning.resync_state", { jobId, state: job.state, action });
}

/** The entente's resync jobs, newest first (secretariat: `read-identity`). */
export async function listResyncJobs(
  deps: ResyncJobDeps,
  principal: Principal | null,
  ententeId: string,
): Promise<ResyncJob[]> {
  if (principal !== null) assertCan(principal, { kind: "read-identity", ententeId, memberId: null });
  return deps.jobs.list(ententeId);
}

/**
 * Runs a job on this node while it holds its lease: lists the tool once, then compares page
 * after page from the cursor, each page's repairs and counts written in one transaction; ends
 * `done` after the last page, `failed` when the tool cannot be listed. Stopping the job (from
 * any node) ends the run after the page in progress, which is then not written.
 * @returns the job as it is at the end of this run (null when another node holds it).
 */
export async function runResyncJob(
  deps: ResyncJobDeps,
  jobId: string,
  holder: string,
  options: { readonly pageSize?: number; readonly onPage?: (job: ResyncJob) => Promise<void> | void } = {},
): Promise<ResyncJob | null> {
  const lease = () => new Date(deps.now().getTime() + RESYNC_PAGE.leaseSeconds * 1000);
  const job = await deps.jobs.claim(jobId, holder, deps.now(), lease());
  if (job === null) return null;
  const scope = { id: job.id, ententeId: job.ententeId, connectorId: job.connectorId, holder };
  try {
    const { record, connector } = await resyncableConnector(deps, job.ententeId, job.connectorId);
    const expected = await expectedAccounts(deps, job.ententeId, record);
    const peer = await listPeer(record.label, connector, expected);
    const accounts = accountsOf(expected);
    const fallback = record.memberIds?.[0] ?? [...expected.values()][0]?.memberId ?? "";
    let cursor = job.cursor;
    for (;;) {
      const page = nextResyncPage(accounts, peer, cursor, options.pageSize ?? RESYNC_PAGE.size);
      if (page.compared === 0) {
        await deps.jobs.finish(job.id, holder, "done", null, deps.now());
        break;
      }
      const changes = changesByMember(page.repairs, expected, fallback);
      if (!(await deps.jobs.recordPage(scope, { ...page, changes }, deps.now(), lease()))) break;
      cursor = page.cursor;
      const now = await deps.jobs.find(job.ententeId, job.id);
      if (now !== null) await options.onPage?.(now);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await deps.jobs.finish(job.id, holder, "failed", reason, deps.now());
  }
  return deps.jobs.find(job.ententeId, job.id);
}
