import { assertCan, type Principal } from "../../access/index.ts";
import type { BudgetStatus } from "../domain/budget-status.ts";
import { sharePercentText } from "../domain/exact-shares.ts";
import { resolveKeyShares } from "../domain/resolve-key-shares.ts";
import { EntenteError } from "../errors.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import { type KeyPeriodViewRecord, keyPeriodViews } from "./key-period-views.ts";
import type { KeyRecord } from "./ports/key-store.ts";
import type { MemberRecord } from "./ports/member-store.ts";
import type { MissionRecord } from "./ports/mission-store.ts";

/** An entente as the console's edit pages show it (records with their row versions). */
export interface EntenteView {
  readonly id: string;
  readonly name: string;
  readonly roundingUnit: "euro" | "cent";
  readonly defaultKey: string;
  readonly budgetHolder: string | null;
  readonly members: readonly MemberRecord[];
  /** With each member's resolved share in percent (exact text, `…` when endless). */
  readonly keys: readonly (KeyRecord & {
    readonly percents: ReadonlyMap<string, string>;
    /** Its periods, first basis first (key-period-views.ts). */
    readonly periods: readonly KeyPeriodViewRecord[];
  })[];
  readonly missions: readonly MissionRecord[];
  readonly exercises: readonly {
    readonly year: number;
    readonly calledIn: number;
    readonly versions: readonly { id: string; number: number; label: string; status: BudgetStatus }[];
  }[];
}

/** Everything the console's edit pages show about an entente. */
export async function readEntente(
  deps: Pick<FinanceDeps, "ententes" | "members" | "keys" | "missions" | "budgets">,
  principal: Principal,
  ententeId: string,
): Promise<EntenteView> {
  assertCan(principal, { kind: "read", ententeId });
  const entente = await deps.ententes.loadEntente(ententeId);
  const [members, keys, missions, versions] = await Promise.all([
    deps.members.list(ententeId),
    deps.keys.list(ententeId),
    deps.missions.list(ententeId),
    deps.budgets.listVersions(ententeId),
  ]);
  const order = members.map((m) => m.id);
  return {
    id: ententeId,
    name: entente.name,
    roundingUnit: entente.rounding.unit,
    defaultKey: entente.defaultKey,
    budgetHolder: entente.budgetHolder ?? null,
    members,
    keys: keys.map((key) => {
      const domainKey = entente.keys.find((k) => k.id === key.id);
      if (domainKey === undefined) throw new EntenteError("resource.not_found", { what: "clé", id: key.id });
      const result = resolveKeyShares(domainKey, order);
      const percents = new Map<string, string>();
      if (result.ok) {
        result.shares.members.forEach((m, i) => {
          percents.set(m, sharePercentText(result.shares, i));
        });
      }
      return { ...key, percents, periods: keyPeriodViews(domainKey, order) };
    }),
    missions,
    exercises: entente.exercises.map((e) => ({
      year: e.year,
      calledIn: e.calledIn,
      versions: versions
        .filter((v) => v.year === e.year)
        .map((v) => ({ id: v.id, number: v.number, label: v.label, status: v.status })),
    })),
  };
}
