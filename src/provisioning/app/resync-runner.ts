import { type ResyncJobDeps, runResyncJob } from "./resync-job.ts";

/** Runs resync jobs in the background of a node (the server): one at a time per job, by its lease. */
export interface ResyncRunner {
  /** Runs the job now in the background (after a start or a resume); its errors go to `onError`. */
  kick(jobId: string): void;
  /** Takes over the running jobs no live lease holds (left by a node that stopped): the worker calls it. */
  pickUp(): Promise<void>;
  /** Resolves when the runs started here have ended (tests; the server's shutdown). */
  idle(): Promise<void>;
}

/**
 * The node's runner, `holder` naming the node in the jobs' leases. Several nodes may kick or
 * pick up the same job: the lease lets one run it, the others return at once.
 */
export function createResyncRunner(
  deps: ResyncJobDeps,
  options: {
    readonly holder: string;
    readonly onError: (error: unknown) => void;
    readonly pageSize?: number;
  },
): ResyncRunner {
  const running = new Set<Promise<unknown>>();
  const kick = (jobId: string) => {
    const run = runResyncJob(deps, jobId, options.holder, {
      ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
    })
      .catch(options.onError)
      .finally(() => running.delete(run));
    running.add(run);
  };
  return {
    kick,
    async pickUp() {
      for (const jobId of await deps.jobs.runnable(deps.now())) kick(jobId);
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
