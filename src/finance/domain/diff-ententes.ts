import { centsToEuroText, formatScaled, percentUnitsToText } from "../../shared/money-input.ts";
import type { AllocationKey, Entente, Exercise } from "./entente.ts";

/** One change between two versions of an entente, as a preview lists it. */
export interface EntenteChange {
  /** Where, in the entente file's terms: `members[sitiv].name`, `exercises[2024].lines[3].amount`. */
  readonly field: string;
  /** The value before (null: added), as text (amounts in euros, rates in percent). */
  readonly before: string | null;
  /** The value after (null: removed). */
  readonly after: string | null;
  /** The exercises whose figures it alters: none, some years, or every one (keys, missions, rounding). */
  readonly years: readonly number[] | "all";
}

type Leaves = Map<string, string>;

function basisLeaves(key: AllocationKey, at: string, out: Leaves): void {
  const { basis } = key;
  if (basis.kind === "percent")
    for (const s of basis.shares) out.set(`${at}.percent[${s.member}]`, percentUnitsToText(s.tenThousandths));
  else if (basis.kind === "weights")
    for (const s of basis.shares) out.set(`${at}.weights[${s.member}]`, s.weight.toString());
  else if (basis.kind === "usage")
    for (const v of basis.usage.values)
      out.set(`${at}.usage[${v.member}]`, `${v.seats}/${v.measured} (${basis.usage.metric})`);
  else
    for (const c of basis.criteria) {
      out.set(`${at}.criteria[${c.id}].weight`, formatScaled(c.weight, 4, true));
      for (const v of c.values)
        out.set(`${at}.criteria[${c.id}].values[${v.member}]`, formatScaled(v.value, 4, true));
    }
}

function exerciseLeaves(exercise: Exercise, out: Leaves): void {
  const at = `exercises[${exercise.year}]`;
  out.set(`${at}.calledIn`, String(exercise.calledIn));
  exercise.lines.forEach((line, i) => {
    const kind = line.direction === "expense" ? "dépense" : `recette ${line.receiptKind ?? ""}`.trim();
    const where = [line.mission ?? "général", line.section, kind, line.nature].filter(Boolean).join(" · ");
    out.set(`${at}.lines[${i}]`, `${line.label} (${where}) : ${centsToEuroText(line.amount)}`);
  });
  for (const a of exercise.advances)
    out.set(
      `${at}.advances[${a.id}]`,
      `${a.label} (${a.member}, clé ${a.key}) : ${centsToEuroText(a.amount)}`,
    );
  for (const a of exercise.adjustments) {
    out.set(`${at}.adjustments[${a.id}].label`, a.label);
    for (const x of a.amounts)
      out.set(`${at}.adjustments[${a.id}].amounts[${x.member}]`, centsToEuroText(x.amount));
  }
}

/** Every value of an entente, flattened to `field → text`. */
function leavesOf(entente: Entente): Leaves {
  const out: Leaves = new Map();
  out.set("entente.name", entente.name);
  out.set("entente.legalBasis", entente.legalBasis.join(" / "));
  out.set("entente.rounding.unit", entente.rounding.unit);
  out.set("entente.defaultKey", entente.defaultKey);
  if (entente.budgetHolder !== undefined) out.set("entente.budgetHolder", entente.budgetHolder);
  entente.members.forEach((m, position) => {
    const at = `members[${m.id}]`;
    for (const [field, value] of Object.entries({ ...m, position: String(position) }))
      if (field !== "id" && value !== undefined)
        out.set(`${at}.${field}`, typeof value === "object" ? JSON.stringify(value) : String(value));
  });
  for (const key of entente.keys) {
    out.set(`keys[${key.id}].label`, key.label);
    if (key.source !== undefined) out.set(`keys[${key.id}].source`, key.source);
    basisLeaves(key, `keys[${key.id}]`, out);
    for (const period of key.periods ?? []) {
      const at = `keys[${key.id}].periods[${period.from}]`;
      if (period.source !== undefined) out.set(`${at}.source`, period.source);
      basisLeaves({ ...key, basis: period.basis }, at, out);
    }
  }
  for (const m of entente.missions) {
    const at = `missions[${m.id}]`;
    out.set(`${at}.name`, m.name);
    out.set(`${at}.kind`, m.kind);
    if (m.lead !== undefined) out.set(`${at}.lead`, m.lead);
    out.set(`${at}.members`, m.members.join(", "));
    out.set(`${at}.keys.investissement`, m.keys.investissement);
    out.set(`${at}.keys.fonctionnement`, m.keys.fonctionnement);
  }
  for (const exercise of entente.exercises) exerciseLeaves(exercise, out);
  return out;
}

/**
 * What a change of `field` (from `before` to `after`) alters among the exercises `years`: one
 * exercise's figures, some, every one's, or none. A key's period alters the years from its first
 * on; a membership date the years between the old and the new date (an absent `from`: every year
 * before; an absent `to`: every year after).
 */
function yearsOf(
  field: string,
  change: { before: string | null; after: string | null; years: readonly number[] },
): readonly number[] | "all" {
  const year = /^exercises\[(\d+)\]/.exec(field)?.[1];
  if (year !== undefined) return [Number(year)];
  const period = /^keys\[[^\]]+\]\.periods\[(\d+)\]\.(percent|weights|criteria)/.exec(field)?.[1];
  if (period !== undefined) return change.years.filter((y) => y >= Number(period));
  const bound = /^members\[[^\]]+\]\.(from|to)$/.exec(field)?.[1];
  if (bound !== undefined) return yearsBetween(bound, change);
  if (/^keys\[[^\]]+\]\.(percent|weights|criteria)/.test(field)) return "all";
  if (/^missions\[[^\]]+\]\.(members|keys)/.test(field)) return "all";
  if (field === "entente.defaultKey" || field === "entente.rounding.unit") return "all";
  // Members' order breaks rounding ties; a member's other details do not move a figure.
  if (/^members\[[^\]]+\]\.position$/.test(field)) return "all";
  return [];
}

function yearsBetween(
  bound: string,
  change: { before: string | null; after: string | null; years: readonly number[] },
): readonly number[] {
  const open = bound === "from" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  const a = change.before === null ? open : Number(change.before);
  const b = change.after === null ? open : Number(change.after);
  // `from` Y: member from Y on; `to` Y: member until Y included. The years whose membership differs:
  const [low, high] =
    bound === "from" ? [Math.min(a, b), Math.max(a, b) - 1] : [Math.min(a, b) + 1, Math.max(a, b)];
  return change.years.filter((y) => y >= low && y <= high);
}

/**
 * The changes from `before` to `after`, one per value added, removed or changed, in a stable
 * order (the fields of `before`, then those only in `after`), each with the exercises whose
 * figures it alters — what a preview lists before an entente file is applied.
 * @example diffEntentes(lyon, lyonWithSitivRenamed) // [{ field: "members[sitiv].name", before: "SITIV", after: "SITIV 2", years: [] }]
 */
export function diffEntentes(before: Entente, after: Entente): EntenteChange[] {
  const was = leavesOf(before);
  const now = leavesOf(after);
  const years = [...new Set([...before.exercises, ...after.exercises].map((e) => e.year))];
  const changes: EntenteChange[] = [];
  const push = (field: string, b: string | null, a: string | null) =>
    changes.push({ field, before: b, after: a, years: yearsOf(field, { before: b, after: a, years }) });
  for (const [field, value] of was) {
    const next = now.get(field) ?? null;
    if (next !== value) push(field, value, next);
  }
  for (const [field, value] of now) if (!was.has(field)) push(field, null, value);
  return changes;
}
