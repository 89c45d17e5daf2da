import { type ProbeRun, runDueProbes } from "./run-probes.ts";
import type { Prober, StatusDeps } from "./status-ports.ts";

/** The name of the probes' lease in `workplace_lease`. */
export const PROBE_LEASE = "workplace-probes";

export interface SchedulerOptions {
  /** This node's name in the lease (unique per process). */
  readonly holder: string;
  /** Time between two passes, ms. */
  readonly tickMs: number;
  /** How long a taken lease lasts without renewal, ms (longer than a pass: ≥ 2 × the longest timeout). */
  readonly leaseMs: number;
  readonly onError: (error: unknown) => void;
  /** Told after each pass: whether this node held the lease, and what ran. */
  readonly onPass?: (pass: { readonly leader: boolean; readonly runs: readonly ProbeRun[] }) => void;
}

/** A running probe loop; `stop` aborts the probes in flight, waits for the pass and frees the lease. */
export interface ProbeScheduler {
  stop(): Promise<void>;
}

/**
 * Runs a probe pass every `tickMs` on every node; only the node holding the lease in the database
 * (`PROBE_LEASE`, renewed at each pass) probes, so that several nodes never probe twice. When the
 * holder stops, or dies and its lease expires, another node takes over at its next pass.
 */
export function startProbeScheduler(
  deps: StatusDeps,
  prober: Prober,
  options: SchedulerOptions,
): ProbeScheduler {
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const pass = async () => {
    const now = deps.clock.now();
    const leader = await deps.leases.acquire(
      PROBE_LEASE,
      options.holder,
      now,
      new Date(now.getTime() + options.leaseMs),
    );
    const runs = leader ? await runDueProbes(deps, prober, abort.signal) : [];
    options.onPass?.({ leader, runs });
  };
  const tick = () => {
    running = pass()
      .catch((error: unknown) => {
        if (!abort.signal.aborted) options.onError(error);
      })
      .then(() => {
        if (!abort.signal.aborted) timer = setTimeout(tick, options.tickMs);
      });
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      abort.abort();
      clearTimeout(timer);
      await running;
      await deps.leases.release(PROBE_LEASE, options.holder).catch(options.onError);
    },
  };
}
