import type { Cents } from "../../shared/money.ts";
import { EntenteError, localized } from "../errors.ts";
import { computeBudgetReport } from "./compute-budget-report.ts";
import type { AllocationKey, Entente, KeyBasis } from "./entente.ts";
import { belongsIn } from "./membership.ts";

/** One alternative of the simulator: another basis for the key, and who joins or leaves. */
export interface KeyAlternative {
  readonly label: string;
  readonly basis: KeyBasis;
  /** Members of the entente that would belong in the year (a commune joining). */
  readonly joining?: readonly string[];
  /** Members that would have left before the year (they must have no share in `basis`). */
  readonly leaving?: readonly string[];
  /**
   * Hypothetical communes, not members of the entente, that would join in the year (ids not
   * used by a member): members from `year` in this alternative only, with a share in `basis`.
   */
  readonly newcomers?: readonly { readonly id: string; readonly name: string }[];
}

/** Each member's contribution of the year under the key as it is, then under each alternative. */
export interface KeySimulation {
  readonly year: number;
  readonly key: string;
  /** The column labels: the key as it holds in the year, then each alternative. */
  readonly columns: readonly string[];
  readonly rows: readonly {
    readonly member: string;
    readonly name: string;
    readonly amounts: readonly Cents[];
  }[];
  readonly totals: readonly Cents[];
}

/** The entente with `keyId` on `alternative`'s basis from `year`, and its joining / leaving members. */
function withAlternative(atYear: Entente, keyId: string, year: number, alternative: KeyAlternative): Entente {
  const newcomers = alternative.newcomers ?? [];
  const joining = new Set([...(alternative.joining ?? []), ...newcomers.map((n) => n.id)]);
  const leaving = new Set(alternative.leaving ?? []);
  const members = atYear.members
    .map((m) => {
      if (joining.has(m.id)) {
        const { to: _to, ...rest } = m;
        return { ...rest, from: year };
      }
      return leaving.has(m.id) ? { ...m, to: year - 1 } : m;
    })
    .concat(newcomers.map((n) => ({ id: n.id, name: n.name, kind: "commune" as const, from: year })));
  // The alternative holds from `year` only: the exercises recalled into it keep their own keys.
  const keys = atYear.keys.map(
    (k): AllocationKey =>
      k.id === keyId
        ? {
            ...k,
            periods: [
              ...(k.periods ?? []).filter((p) => p.from !== year),
              { from: year, basis: alternative.basis },
            ],
          }
        : k,
  );
  const missions = atYear.missions.map((m) =>
    m.keys.investissement === keyId || m.keys.fonctionnement === keyId
      ? { ...m, members: [...new Set([...m.members, ...joining])].filter((id) => !leaving.has(id)) }
      : m,
  );
  return { ...atYear, members, keys, missions };
}

/**
 * The hypothetical communes of the alternatives, each once, in the order given.
 * @throws EntenteError `entente.duplicate_id` when one has the id of a member of the entente.
 */
function newcomersOf(entente: Entente, alternatives: readonly KeyAlternative[]) {
  const seen = new Map<string, { id: string; name: string }>();
  for (const newcomer of alternatives.flatMap((a) => a.newcomers ?? [])) {
    if (entente.members.some((m) => m.id === newcomer.id))
      throw new EntenteError("entente.duplicate_id", {
        id: newcomer.id,
        what: localized("commune hypothétique", "hypothetical commune"),
        first: localized("parmi les membres de l'entente", "among the entente's members"),
      });
    if (!seen.has(newcomer.id)) seen.set(newcomer.id, newcomer);
  }
  return [...seen.values()];
}

/** Each member's contributions of the year's own exercise (both sections), in member order. */
function contributions(entente: Entente, year: number): Map<string, Cents> {
  const report = computeBudgetReport(entente, year);
  return new Map(
    report.fundCalls.map((row) => [row.member, row.current.investissement + row.current.fonctionnement]),
  );
}

/**
 * The key simulator: what each member would contribute to exercise `year` under alternative
 * bases of key `keyId` (fixed shares, population, weighted criteria, usage…) side by side with
 * the key as it holds that year, and with a commune joining or leaving. Pure: nothing is saved.
 * Each column is computed by the same engine as the budget (largest remainder at the entente's
 * rounding unit), so its amounts sum exactly to the same contributions.
 * @throws EntenteError `entente.unknown_reference` (key), `exercise.not_found`; ValidationError
 *   when an alternative breaks a rule (a rate total ≠ 100 %, a share for a member outside its
 *   membership…), with the alternative's problems.
 * @example simulateKeys(lyon, 2023, "socle", [{ label: "50/30/20", basis: { kind: "percent", shares } }]).rows[0].amounts
 * // → [28841300n, 27208800n] (53 % then 50 % of 544 176 €)
 */
export function simulateKeys(
  entente: Entente,
  year: number,
  keyId: string,
  alternatives: readonly KeyAlternative[],
): KeySimulation {
  const current = entente.keys.find((k) => k.id === keyId);
  if (current === undefined)
    throw new EntenteError("entente.unknown_reference", {
      what: localized("clé", "key"),
      id: keyId,
      known: entente.keys.map((k) => k.id).join(", ") || "—",
    });
  // checked before the columns are computed: a newcomer with a member's id would merge with it
  const newcomers = newcomersOf(entente, alternatives);
  const columns = [
    contributions(entente, year),
    ...alternatives.map((a) => contributions(withAlternative(entente, keyId, year, a), year)),
  ];
  // Only the members of the entente in `year` (membership dates), and those an alternative has
  // joining: a member joining in a later year has no row.
  const joining = new Set(alternatives.flatMap((a) => a.joining ?? []));
  const members = entente.members.filter((m) => belongsIn(m, year) || joining.has(m.id));
  const rows = [...members, ...newcomers].map((m) => ({
    member: m.id,
    name: m.name,
    amounts: columns.map((column) => column.get(m.id) ?? 0n),
  }));
  return {
    year,
    key: keyId,
    columns: [current.label, ...alternatives.map((a) => a.label)],
    rows,
    totals: columns.map((_, i) => rows.reduce((sum, row) => sum + (row.amounts[i] ?? 0n), 0n)),
  };
}
