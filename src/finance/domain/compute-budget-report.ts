import { type Cents, type RoundingUnit, unitInCents } from "../../shared/money.ts";
import { EntenteError, localized, ValidationError } from "../errors.ts";
import { allocateLargestRemainder } from "./allocate-largest-remainder.ts";
import {
  type Entente,
  type Exercise,
  type MissionKind,
  type ReceiptKind,
  SECTIONS,
  type Section,
} from "./entente.ts";
import { type ExactShares, reducedShare, sharePercentText } from "./exact-shares.ts";
import { resolveKeyShares } from "./resolve-key-shares.ts";
import { groupByKey, validateEntente } from "./validate-entente.ts";

/** Amounts of one row per section, in cents. */
export type BySection = Readonly<Record<Section, Cents>>;

/** One row of the budget annex: a sub-line of a mission (or general), amounts by section. */
export interface AnnexRow {
  readonly label: string;
  readonly amounts: BySection;
  readonly receiptKind?: ReceiptKind;
}

/** The lines of one mission (or the general lines when `mission` is null) on one side. */
export interface AnnexGroup {
  readonly mission: { readonly id: string; readonly name: string; readonly kind: MissionKind } | null;
  readonly rows: readonly AnnexRow[];
  readonly subtotal: BySection;
}

/** Budget annex (annexe budgétaire) of an exercise: expenses and receipts by mission and section. */
export interface BudgetAnnex {
  readonly expenses: readonly AnnexGroup[];
  readonly receipts: readonly AnnexGroup[];
  readonly totalExpenses: BySection;
  readonly totalReceipts: BySection;
  /** Receipts minus expenses; zero in a valid budget. */
  readonly balance: BySection;
}

/** One member's part of an amount shared by a key. */
export interface ShareRow {
  readonly member: string;
  /** Exact share as a reduced fraction. */
  readonly share: readonly [bigint, bigint];
  /** Share in percent for display (`53`, `30.6`, `33.3333…`). */
  readonly percent: string;
  /** Exact, unrounded amount in euros as decimal text (`288413.28`, truncated with `…` if endless). */
  readonly exactEuros: string;
  /** Rounded amount, in cents; sums exactly to the total. */
  readonly amount: Cents;
}

/** The contributions of one (key, section) group, split by the largest-remainder method. */
export interface KeyAllocation {
  readonly key: string;
  readonly keyLabel: string;
  /** Where the key's figures come from, when the entente says so. */
  readonly keySource?: string;
  readonly section: Section;
  readonly missions: readonly (string | null)[];
  readonly total: Cents;
  readonly rows: readonly ShareRow[];
}

/** An advance or adjustment of an exercise, as per-member signed amounts summing to zero. */
export interface AdjustmentColumn {
  readonly id: string;
  readonly label: string;
  readonly kind: "advance" | "adjustment";
  /** For advances: the member who paid, the amount and the key that shares it. */
  readonly advance?: {
    readonly member: string;
    readonly amount: Cents;
    readonly key: string;
    readonly keyLabel: string;
  };
  readonly amounts: ReadonlyMap<string, Cents>;
}

/** Per member: contributions of an exercise, its adjustments, and the adjusted amount. */
export interface SettlementRow {
  readonly member: string;
  /**
   * Share of the default key in percent (the seed's "taux de contribution"): only when all the
   * exercise's contributions follow the default key, so the rate explains the amount beside it.
   */
  readonly rate?: string;
  readonly contribution: BySection;
  readonly contributionTotal: Cents;
  /** Same order as `Settlement.adjustments`. */
  readonly adjustments: readonly Cents[];
  readonly adjusted: Cents;
}

/** What one exercise asks of the members, with its adjustments (current year or recall). */
export interface Settlement {
  readonly year: number;
  readonly calledIn: number;
  readonly allocations: readonly KeyAllocation[];
  readonly adjustments: readonly AdjustmentColumn[];
  readonly rows: readonly SettlementRow[];
  readonly totals: SettlementRow;
}

/** A member's fund call (appel de fonds) for a year: current share, recalls, adjustments. */
export interface FundCallRow {
  readonly member: string;
  /** Contributions of the exercise of the call year, by section. */
  readonly current: BySection;
  /** Contributions of earlier exercises called this year (rappel). */
  readonly recall: Cents;
  /** Sum of the adjustments and advances of the exercises called this year. */
  readonly adjustments: Cents;
  readonly total: Cents;
}

export interface BudgetReport {
  readonly entente: string;
  readonly year: number;
  readonly roundingUnit: RoundingUnit;
  /** Member ids in the fixed order that breaks rounding ties. */
  readonly memberOrder: readonly string[];
  readonly memberNames: ReadonlyMap<string, string>;
  readonly annex: BudgetAnnex;
  /** Split of this exercise's contributions, whenever they are called. */
  readonly allocation: Settlement;
  /** Exercises whose contributions are called in this year (this one and recalls), oldest first. */
  readonly settlements: readonly Settlement[];
  readonly fundCalls: readonly FundCallRow[];
  readonly fundCallTotals: FundCallRow;
}

const zero = (): Record<Section, Cents> => ({ investissement: 0n, fonctionnement: 0n });

// Ententes already checked by validateEntente: the model is immutable, so a check holds for
// the object's lifetime and the reader's validation is not repeated by every computation.
const validEntentes = new WeakSet<Entente>();

/**
 * Throws a ValidationError listing every rule the entente breaks (see validateEntente);
 * remembers ententes found valid.
 */
export function assertValidEntente(entente: Entente): void {
  if (validEntentes.has(entente)) return;
  const issues = validateEntente(entente);
  if (issues.length > 0) throw new ValidationError(issues);
  validEntentes.add(entente);
}

/** Years a report can be made for: every exercise, and every year an exercise is called in. */
export function reportYears(entente: Entente): number[] {
  return [...new Set(entente.exercises.flatMap((e) => [e.year, e.calledIn]))].sort((a, b) => a - b);
}

function exactEuros(total: Cents, shares: ExactShares, index: number): string {
  // Exact share in cents = total × n / d; print in euros with up to 6 decimals, "…" if endless.
  const n = total * (shares.numerators[index] ?? 0n);
  const d = shares.denominator * 100n;
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const scale = 1_000_000n;
  const scaled = (abs * scale) / d;
  const endless = (abs * scale) % d !== 0n;
  const fraction = (scaled % scale).toString().padStart(6, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${scaled / scale}${fraction ? `.${fraction}` : ""}${endless ? "…" : ""}`;
}

/** Resolves keys once per computation (a key serves many groups and advances). */
function createSharesLookup(entente: Entente): (keyId: string) => ExactShares {
  const cache = new Map<string, ExactShares>();
  const memberOrder = entente.members.map((m) => m.id);
  return (keyId) => {
    const cached = cache.get(keyId);
    if (cached !== undefined) return cached;
    const key = entente.keys.find((k) => k.id === keyId);
    if (key === undefined)
      throw new EntenteError("entente.unknown_reference", {
        what: localized("clé", "key"),
        id: keyId,
        known: "",
      });
    const result = resolveKeyShares(key, memberOrder);
    if (!result.ok) throw new ValidationError(result.issues);
    cache.set(keyId, result.shares);
    return result.shares;
  };
}

/** Splits `total` cents by a key at the entente's rounding unit (largest remainder). */
function split(entente: Entente, total: Cents, shares: ExactShares): Cents[] {
  const unit = unitInCents(entente.rounding.unit);
  return allocateLargestRemainder(total / unit, shares).map((units) => units * unit);
}

/**
 * The budget annex of one exercise (expenses and receipts by mission and section, totals and
 * balance). Needs no valid entente: it also shows a draft that is out of balance.
 */
export function buildAnnex(entente: Entente, exercise: Exercise): BudgetAnnex {
  const side = (direction: "expense" | "receipt"): AnnexGroup[] => {
    const groups = new Map<
      string,
      {
        mission: AnnexGroup["mission"];
        rows: Map<string, { label: string; amounts: Record<Section, Cents>; receiptKind?: ReceiptKind }>;
        subtotal: Record<Section, Cents>;
      }
    >();
    for (const line of exercise.lines) {
      if (line.direction !== direction) continue;
      const missionId = line.mission ?? "";
      let group = groups.get(missionId);
      if (group === undefined) {
        const mission = entente.missions.find((m) => m.id === line.mission);
        group = {
          mission: mission ? { id: mission.id, name: mission.name, kind: mission.kind } : null,
          rows: new Map(),
          subtotal: zero(),
        };
        groups.set(missionId, group);
      }
      const rowId = `${line.receiptKind ?? ""}\u0000${line.label}`;
      let row = group.rows.get(rowId);
      if (row === undefined) {
        row = {
          label: line.label,
          amounts: zero(),
          ...(line.receiptKind ? { receiptKind: line.receiptKind } : {}),
        };
        group.rows.set(rowId, row);
      }
      row.amounts[line.section] += line.amount;
      group.subtotal[line.section] += line.amount;
    }
    // General lines first, then missions in the entente's order.
    const order = (g: AnnexGroup) =>
      g.mission === null ? -1 : entente.missions.findIndex((m) => m.id === g.mission?.id);
    return [...groups.values()]
      .map((g) => ({ mission: g.mission, rows: [...g.rows.values()], subtotal: g.subtotal }))
      .sort((a, b) => order(a) - order(b));
  };
  const expenses = side("expense");
  const receipts = side("receipt");
  const total = (groups: AnnexGroup[]) => {
    const sum = zero();
    for (const g of groups) for (const s of SECTIONS) sum[s] += g.subtotal[s];
    return sum;
  };
  const totalExpenses = total(expenses);
  const totalReceipts = total(receipts);
  const balance = zero();
  for (const s of SECTIONS) balance[s] = totalReceipts[s] - totalExpenses[s];
  return { expenses, receipts, totalExpenses, totalReceipts, balance };
}

function settle(entente: Entente, exercise: Exercise, sharesOf: (keyId: string) => ExactShares): Settlement {
  const memberOrder = entente.members.map((m) => m.id);
  const allocations: KeyAllocation[] = groupByKey(entente, exercise)
    .filter((g) => g.contributions !== 0n)
    .map((group) => {
      const shares = sharesOf(group.key);
      const amounts = split(entente, group.contributions, shares);
      const key = entente.keys.find((k) => k.id === group.key);
      return {
        key: group.key,
        keyLabel: key?.label ?? group.key,
        ...(key?.source === undefined ? {} : { keySource: key.source }),
        section: group.section,
        missions: group.missions,
        total: group.contributions,
        rows: shares.members.map((member, i) => ({
          member,
          share: reducedShare(shares, i),
          percent: sharePercentText(shares, i),
          exactEuros: exactEuros(group.contributions, shares, i),
          amount: amounts[i] ?? 0n,
        })),
      };
    });

  const adjustments: AdjustmentColumn[] = [
    ...exercise.advances.map((advance): AdjustmentColumn => {
      const shares = sharesOf(advance.key);
      const parts = split(entente, advance.amount, shares);
      const amounts = new Map<string, Cents>();
      shares.members.forEach((member, i) => {
        amounts.set(member, parts[i] ?? 0n);
      });
      amounts.set(advance.member, (amounts.get(advance.member) ?? 0n) - advance.amount);
      return {
        id: advance.id,
        label: advance.label,
        kind: "advance",
        advance: {
          member: advance.member,
          amount: advance.amount,
          key: advance.key,
          keyLabel: entente.keys.find((k) => k.id === advance.key)?.label ?? advance.key,
        },
        amounts,
      };
    }),
    ...exercise.adjustments.map(
      (adjustment): AdjustmentColumn => ({
        id: adjustment.id,
        label: adjustment.label,
        kind: "adjustment",
        amounts: new Map(adjustment.amounts.map((a) => [a.member, a.amount])),
      }),
    ),
  ];

  const defaultShares = sharesOf(entente.defaultKey);
  const contributions = new Map(memberOrder.map((member) => [member, zero()]));
  for (const allocation of allocations) {
    for (const row of allocation.rows) {
      const contribution = contributions.get(row.member);
      if (contribution !== undefined) contribution[allocation.section] += row.amount;
    }
  }
  const defaultIndex = new Map(defaultShares.members.map((member, index) => [member, index]));
  const singleKey = allocations.every((a) => a.key === entente.defaultKey);
  const rows: SettlementRow[] = memberOrder.map((member) => {
    const contribution = contributions.get(member) ?? zero();
    const contributionTotal = contribution.investissement + contribution.fonctionnement;
    const memberAdjustments = adjustments.map((a) => a.amounts.get(member) ?? 0n);
    const index = defaultIndex.get(member) ?? -1;
    return {
      member,
      ...(index === -1 || !singleKey ? {} : { rate: sharePercentText(defaultShares, index) }),
      contribution,
      contributionTotal,
      adjustments: memberAdjustments,
      adjusted: contributionTotal + memberAdjustments.reduce((s, a) => s + a, 0n),
    };
  });
  const totalContribution = zero();
  for (const row of rows) for (const s of SECTIONS) totalContribution[s] += row.contribution[s];
  const totals: SettlementRow = {
    member: "",
    ...(singleKey ? { rate: "100" } : {}),
    contribution: totalContribution,
    contributionTotal: rows.reduce((s, r) => s + r.contributionTotal, 0n),
    adjustments: adjustments.map((_, i) => rows.reduce((s, r) => s + (r.adjustments[i] ?? 0n), 0n)),
    adjusted: rows.reduce((s, r) => s + r.adjusted, 0n),
  };
  return { year: exercise.year, calledIn: exercise.calledIn, allocations, adjustments, rows, totals };
}

/**
 * Computes everything the deliberation tables of `year` need: the budget annex, the split of the
 * year's contributions by key (largest remainder at the entente's rounding unit, ties broken by
 * member order), the exercises called this year with their advances and adjustments (the
 * seed's "Partenaires" table), and each member's fund call.
 *
 * Invariants (tested): every allocation sums exactly to its total; adjustments sum to zero;
 * the fund calls sum to the contributions and adjustments called in the year.
 *
 * @throws ValidationError when the entente breaks a rule of `validateEntente`.
 * @throws EntenteError `exercise.not_found` when the file has no exercise `year`.
 * @example computeBudgetReport(lyon, 2023).fundCalls[0].total // 30579700n (305 797 €, seed line 1° b)
 */
export function computeBudgetReport(entente: Entente, year: number): BudgetReport {
  assertValidEntente(entente);
  // A year may be only a call year (an exercise called in a year the file has no budget for):
  // its report then has an empty annex and gathers the recalls.
  const own = entente.exercises.find((e) => e.year === year);
  const exercise =
    own ??
    (entente.exercises.some((e) => e.calledIn === year)
      ? { year, calledIn: year, lines: [], advances: [], adjustments: [], path: [] }
      : undefined);
  if (exercise === undefined) {
    throw new EntenteError("exercise.not_found", { year, known: reportYears(entente).join(", ") || "—" });
  }
  const memberOrder = entente.members.map((m) => m.id);
  const sharesOf = createSharesLookup(entente);
  const allocation = settle(entente, exercise, sharesOf);
  const settlements = entente.exercises
    .filter((e) => e.calledIn === year && e !== exercise)
    .concat(own !== undefined && own.calledIn === year ? [own] : [])
    .sort((a, b) => a.year - b.year)
    .map((e) => (e === exercise ? allocation : settle(entente, e, sharesOf)));

  const fundCalls: FundCallRow[] = memberOrder.map((member, i) => {
    const current = zero();
    let recall = 0n;
    let adjustments = 0n;
    for (const settlement of settlements) {
      const row = settlement.rows[i];
      if (row === undefined) continue;
      if (settlement.year === year) for (const s of SECTIONS) current[s] += row.contribution[s];
      else recall += row.contributionTotal;
      adjustments += row.adjusted - row.contributionTotal;
    }
    return {
      member,
      current,
      recall,
      adjustments,
      total: current.investissement + current.fonctionnement + recall + adjustments,
    };
  });
  const sum = (pick: (r: FundCallRow) => Cents) => fundCalls.reduce((s, r) => s + pick(r), 0n);
  const fundCallTotals: FundCallRow = {
    member: "",
    current: {
      investissement: sum((r) => r.current.investissement),
      fonctionnement: sum((r) => r.current.fonctionnement),
    },
    recall: sum((r) => r.recall),
    adjustments: sum((r) => r.adjustments),
    total: sum((r) => r.total),
  };
  return {
    entente: entente.name,
    year,
    roundingUnit: entente.rounding.unit,
    memberOrder,
    memberNames: new Map(entente.members.map((m) => [m.id, m.name])),
    annex: buildAnnex(entente, exercise),
    allocation,
    settlements,
    fundCalls,
    fundCallTotals,
  };
}
