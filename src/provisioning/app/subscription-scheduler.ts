import type { DeliveryWorker } from "./delivery-worker.ts";
import type { ErasureStore } from "./retention.ts";
import {
  type Boundary,
  boundaryKey,
  recomputeServiceAccess,
  type SubscriptionEventDeps,
} from "./subscription-events.ts";

/** The subscriptions whose start or end day has passed (the workplace's `boundariesBy`, through its door). */
export interface SubscriptionBoundaries {
  boundariesBy(at: Date): Promise<
    readonly {
      readonly ententeId: string;
      readonly clientId: string;
      readonly memberId: string;
      readonly passed: readonly Boundary[];
    }[]
  >;
}

export interface BoundaryDeps extends SubscriptionEventDeps {
  readonly boundaries: SubscriptionBoundaries;
  /** The job leases (one node at a time), shared with the erasure scheduler. */
  readonly leases: Pick<ErasureStore, "takeLease">;
}

/** The scheduler's lease name: one node at a time emits the boundaries' events. */
export const BOUNDARY_JOB = "subscription-boundaries";

/**
 * One run of the subscription scheduler on this node (`holder`), when it holds the lease: every
 * subscription to a catalogued service whose start day has come (`created` for the persons its
 * rule admits) or whose end day has passed (`suspended` for those who had an account — deleted
 * only after the member's retention period) and not yet emitted is recomputed, the boundary
 * recorded in the same transaction: exactly once per boundary, also when run twice or on two
 * nodes. Another node holding the lease: nothing done (returns 0).
 * @returns how many events were recorded.
 */
export async function emitDueBoundaries(
  deps: BoundaryDeps,
  options: { readonly holder: string; readonly leaseSeconds: number },
): Promise<number> {
  const now = deps.now();
  const until = new Date(now.getTime() + options.leaseSeconds * 1000);
  if (!(await deps.leases.takeLease(BOUNDARY_JOB, options.holder, now, until))) return 0;
  const recorded = await deps.access.recordedBoundaries();
  let events = 0;
  for (const subscription of await deps.boundaries.boundariesBy(now)) {
    const missing = subscription.passed.filter((b) => !recorded.has(boundaryKey({ ...subscription, ...b })));
    if (missing.length > 0) events += await recomputeServiceAccess(deps, subscription, missing);
  }
  return events;
}

/** How often a node tries to run the subscription scheduler (ms), and its lease (s). */
export const BOUNDARY_INTERVAL_MS = 60_000;
export const BOUNDARY_LEASE_SECONDS = 120;

/**
 * Runs `emitDueBoundaries` every minute on this node (the lease lets one node at a time do it).
 * A failing run is reported to `onError` and the loop goes on.
 */
export function startSubscriptionScheduler(
  deps: BoundaryDeps,
  options: { readonly holder: string; readonly onError: (error: unknown) => void },
): DeliveryWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = emitDueBoundaries(deps, { holder: options.holder, leaseSeconds: BOUNDARY_LEASE_SECONDS })
      .then(() => undefined)
      .catch((error: unknown) => options.onError(error))
      .then(() => {
        if (!stopped) timer = setTimeout(tick, BOUNDARY_INTERVAL_MS);
      });
  };
  timer = setTimeout(tick, BOUNDARY_INTERVAL_MS);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
