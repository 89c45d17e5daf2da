import { DEFAULT_PASS, deliverDueEvents, type EngineDeps, type PassOptions } from "./deliver-due-events.ts";

/** A running delivery loop; `stop` waits for the pass in progress to end. */
export interface DeliveryWorker {
  stop(): Promise<void>;
}

/**
 * Runs a delivery pass every `intervalMs` (at once again when a pass was full), on every node:
 * the leases keep them from delivering the same event twice. A failing pass (the database is
 * gone) is reported to `onError` and the loop goes on.
 */
export function startDeliveryWorker(
  deps: EngineDeps,
  options: {
    readonly intervalMs: number;
    readonly pass?: PassOptions;
    readonly onError: (error: unknown) => void;
  },
): DeliveryWorker {
  const pass = options.pass ?? DEFAULT_PASS;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = deliverDueEvents(deps, pass)
      .then((r) => r.delivered + r.retried + r.failed >= pass.batch)
      .catch((error: unknown) => {
        options.onError(error);
        return false;
      })
      .then((full) => {
        if (!stopped) timer = setTimeout(tick, full ? 0 : options.intervalMs);
      });
  };
  timer = setTimeout(tick, options.intervalMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
