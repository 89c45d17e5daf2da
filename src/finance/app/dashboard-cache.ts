import { assertCan, canPerform, type Principal } from "../../access/index.ts";
import type { DashboardView } from "./dashboard-view.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import { getDashboard } from "./get-dashboard.ts";

type Deps = Pick<FinanceDeps, "ententes" | "budgets" | "decisions" | "fundCalls">;

/**
 * The dashboard as rendered (`render`: the response body of one language), kept per
 * entente, year, viewer and `variant` under the entente's stamp (EntenteStore.stamp: any stored
 * change of the entente, its budgets, decisions, fund calls or payments gives a new one, read on
 * every request, so every node sees a change at once). A request costs the access check and one
 * statement instead of four reads, the report's rows and the response schema check
 * (bench/dashboard.bench.ts). Concurrent requests for one version share one computation.
 *
 * The viewer is what getDashboard's answer depends on: whether the principal may read drafts,
 * else its member (it sees its own row of a draft). At most `maxEntries` texts are kept; beyond,
 * all are dropped (no eviction order to get wrong; a stamp moved on leaves its old text behind
 * until then).
 * @throws what getDashboard throws (access, `entente.not_found`, `exercise.not_found`); a failed
 *   computation is not kept.
 */
export function createDashboardCache<T>(maxEntries = 64) {
  const entries = new Map<string, { readonly stamp: string; readonly text: Promise<T> }>();
  return async (
    deps: Deps,
    principal: Principal,
    request: { readonly ententeId: string; readonly year: number | undefined; readonly variant: string },
    render: (view: DashboardView) => T,
  ): Promise<T> => {
    const { ententeId, year, variant } = request;
    assertCan(principal, { kind: "read", ententeId });
    const compute = () => getDashboard(deps, principal, ententeId, year).then(render);
    const stamp = await deps.ententes.stamp(ententeId);
    if (stamp === null) return compute();
    const viewer = canPerform(principal, { kind: "read-drafts", ententeId }) ? "*" : principal.memberId;
    const key = JSON.stringify([ententeId, year ?? null, viewer, variant]);
    const hit = entries.get(key);
    if (hit !== undefined && hit.stamp === stamp) return hit.text;
    if (entries.size >= maxEntries) entries.clear();
    const text = compute();
    entries.set(key, { stamp, text });
    text.catch(() => {
      if (entries.get(key)?.text === text) entries.delete(key);
    });
    return text;
  };
}
