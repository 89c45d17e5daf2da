import { nextAttemptAt, type RetryPolicy } from "../domain/retry-policy.ts";
import type { Connector, ConnectorKind, ConnectorRecord, DeliveryOutcome } from "./connector.ts";
import type { ConnectorStore, DeliveryStore, LeasedDelivery } from "./engine-ports.ts";

/** What the delivery engine needs. */
export interface EngineDeps {
  readonly deliveries: DeliveryStore;
  readonly connectors: ConnectorStore;
  readonly kinds: ReadonlyMap<string, ConnectorKind>;
  readonly retry: RetryPolicy;
  readonly now: () => Date;
}

/** How much one pass takes on. */
export interface PassOptions {
  /** Deliveries leased at once (at most one per person and connector). */
  readonly batch: number;
  /** Deliveries in flight at once within the batch. */
  readonly concurrency: number;
  /** How long a lease holds a delivery from other nodes (longer than a peer's timeout). */
  readonly leaseSeconds: number;
}

export const DEFAULT_PASS: PassOptions = { batch: 100, concurrency: 8, leaseSeconds: 120 };

/** What one pass did. */
export interface PassResult {
  readonly delivered: number;
  readonly retried: number;
  readonly failed: number;
}

/**
 * One pass of the provisioning engine, as a list of steps: lease the due deliveries → deliver
 * each through its connector (a few at once) → record done, a retry with backoff, or failed.
 * Safe on several nodes at once (leases, `FOR UPDATE SKIP LOCKED`); a node that dies leaves its
 * leases to expire and another node takes them. Never throws for a peer's fault.
 */
export async function deliverDueEvents(
  deps: EngineDeps,
  options: PassOptions = DEFAULT_PASS,
): Promise<PassResult> {
  const now = deps.now();
  const leased = await deps.deliveries.leaseDue(
    now,
    new Date(now.getTime() + options.leaseSeconds * 1000),
    options.batch,
  );
  const counts = { delivered: 0, retried: 0, failed: 0 };
  const connectors = new Map<string, Connector | string>();
  const queue = [...leased];
  const work = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const outcome = await deliverOne(deps, connectors, next);
      counts[await recordOutcome(deps, next, outcome)] += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, work));
  return counts;
}

/**
 * Delivers until nothing is due (a bulk run), reporting progress after each pass, within
 * `maxPasses` (a bound: deliveries that keep failing wait for their next attempt instead).
 */
export async function deliverUntilIdle(
  deps: EngineDeps,
  options: PassOptions & { readonly maxPasses: number },
  onProgress: (total: PassResult) => void = () => {},
): Promise<PassResult> {
  const total = { delivered: 0, retried: 0, failed: 0 };
  for (let pass = 0; pass < options.maxPasses; pass += 1) {
    const result = await deliverDueEvents(deps, options);
    total.delivered += result.delivered;
    total.retried += result.retried;
    total.failed += result.failed;
    onProgress({ ...total });
    if (result.delivered + result.retried + result.failed === 0) break;
  }
  return total;
}

async function deliverOne(
  deps: EngineDeps,
  connectors: Map<string, Connector | string>,
  delivery: LeasedDelivery,
): Promise<DeliveryOutcome> {
  const connector = await connectorFor(deps, connectors, delivery.connectorId);
  if (typeof connector === "string") return { status: "reject", detail: connector };
  try {
    return await connector.deliver({
      eventId: delivery.eventId,
      kind: delivery.kind,
      sub: delivery.sub,
      ententeId: delivery.ententeId,
      memberId: delivery.memberId,
      account: delivery.account,
    });
  } catch (error) {
    return { status: "retry", detail: error instanceof Error ? error.message : String(error) };
  }
}

/** The connector of a delivery, built once per pass; a text saying why when it cannot be. */
async function connectorFor(deps: EngineDeps, cache: Map<string, Connector | string>, id: string) {
  const cached = cache.get(id);
  if (cached !== undefined) return cached;
  const record = await deps.connectors.find(id);
  const built = record === null ? `connector ${id} no longer exists` : build(deps, record);
  cache.set(id, built);
  return built;
}

function build(deps: EngineDeps, record: ConnectorRecord): Connector | string {
  const kind = deps.kinds.get(record.kind);
  return kind === undefined
    ? `no connector of kind "${record.kind}" in this version of Entente`
    : kind.create(record);
}

async function recordOutcome(
  deps: EngineDeps,
  delivery: LeasedDelivery,
  outcome: DeliveryOutcome,
): Promise<"delivered" | "retried" | "failed"> {
  const at = deps.now();
  if (outcome.status === "done") {
    await deps.deliveries.markDone(delivery, at);
    return "delivered";
  }
  const retryAt = outcome.status === "retry" ? nextAttemptAt(delivery.attempt, at, deps.retry) : null;
  await deps.deliveries.markFailed(delivery, outcome.detail.slice(0, 2000), at, retryAt);
  return retryAt === null ? "failed" : "retried";
}
