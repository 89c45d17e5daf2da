import type { DeliveryWorker } from "./delivery-worker.ts";
import { enqueueDueErasures, type RetentionDeps } from "./retention.ts";

/** How often a node tries to run the erasure scheduler (ms), and its lease (s): longer than a run. */
export const ERASURE_INTERVAL_MS = 60_000;
export const ERASURE_LEASE_SECONDS = 120;

/**
 * Runs `enqueueDueErasures` every minute on this node; the lease lets one node at a time do it
 * (another takes over when the holder stops renewing it). Each run is bounded (100 × 100 erasures).
 * A failing run is reported to `onError` and the loop goes on.
 */
export function startErasureScheduler(
  deps: RetentionDeps,
  options: { readonly holder: string; readonly onError: (error: unknown) => void },
): DeliveryWorker {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = enqueueDueErasures(deps, {
      holder: options.holder,
      batch: 100,
      maxBatches: 100,
      leaseSeconds: ERASURE_LEASE_SECONDS,
    })
      .then(() => undefined)
      .catch((error: unknown) => options.onError(error))
      .then(() => {
        if (!stopped) timer = setTimeout(tick, ERASURE_INTERVAL_MS);
      });
  };
  timer = setTimeout(tick, ERASURE_INTERVAL_MS);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
