import type { SubscriptionsOfMember, UsageSource } from "../../finance/index.ts";
import { compareCatalogueEntries } from "../domain/catalogue-entry.ts";
import type { WorkplaceDeps } from "./ports.ts";

/** The day after `day` (`YYYY-MM-DD`) at 00:00 UTC: the end (excluded) of a period ending on `day`. */
function dayAfter(day: string): Date {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date;
}

/**
 * Finance's `UsageSource` port (issue 11 §2: usage feeds a usage key), answered from the
 * subscriptions and the reported usage of one catalogued service:
 * - seats: the seat quota of the member's subscription when it is in force at some day of the
 *   period (0 without a subscription, or when its seats are not limited: a usage key by seats
 *   needs seat quotas);
 * - measured: the metric as of the snapshot (reports in the period made up to `snapshotAt`),
 *   usage-store.ts `measuredByMember`; for `"seats"` it is the seats.
 * Exact integers throughout; the snapshot's date is `snapshotAt`.
 */
export function createUsageSource(
  deps: Pick<WorkplaceDeps, "catalogue" | "subscriptions" | "usage">,
): UsageSource {
  return {
    async figures(request) {
      const entry = await deps.catalogue.find(request.ententeId, request.service);
      if (entry === null) {
        const known = (await deps.catalogue.list(request.ententeId)).sort(compareCatalogueEntries);
        return { unknownService: known.map((e) => e.clientId) };
      }
      const subscriptions = await deps.subscriptions.listForService(request.ententeId, request.service);
      const periodEnd = dayAfter(request.periodEnd);
      // Reports made at the snapshot's instant count: the window ends just after it.
      const until = new Date(Math.min(request.snapshotAt.getTime() + 1, periodEnd.getTime()));
      const measured =
        request.metric === "seats"
          ? new Map<string, bigint>()
          : await deps.usage.measuredByMember(
              request.ententeId,
              request.service,
              request.metric,
              new Date(`${request.periodStart}T00:00:00Z`),
              until,
            );
      const values = request.members.map((member) => {
        const s = subscriptions.find(
          (x) =>
            x.memberId === member &&
            x.startsOn <= request.periodEnd &&
            (x.endsOn === null || x.endsOn >= request.periodStart),
        );
        const seats = BigInt(s?.quotas.seats ?? 0);
        return { member, seats, measured: request.metric === "seats" ? seats : (measured.get(member) ?? 0n) };
      });
      return {
        service: entry.clientId,
        serviceName: entry.name,
        metric: request.metric,
        periodStart: request.periodStart,
        periodEnd: request.periodEnd,
        snapshotAt: request.snapshotAt.toISOString(),
        values,
      };
    },
  };
}

/**
 * Finance's `SubscriptionsOfMember` port: the member's subscriptions outside a membership, as
 * « service (du … au …) » text, so that finance refuses a membership change until they are ended.
 */
export function createSubscriptionsOfMember(
  deps: Pick<WorkplaceDeps, "subscriptions">,
): SubscriptionsOfMember {
  return {
    async outside(ententeId, memberId, firstDay, lastDay) {
      const subscriptions = await deps.subscriptions.listForMember(ententeId, memberId);
      return subscriptions
        .filter(
          (s) =>
            (firstDay !== null && s.startsOn < firstDay) ||
            (lastDay !== null && (s.endsOn === null || s.endsOn > lastDay)),
        )
        .map((s) => `${s.clientId} (${s.startsOn} → ${s.endsOn ?? "…"})`);
    },
  };
}
