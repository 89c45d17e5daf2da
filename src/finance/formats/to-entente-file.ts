import { stringify } from "yaml";
import type { RoundingUnit } from "../../shared/money.ts";
import { centsToEuroText, formatScaled, percentUnitsToText } from "../../shared/money-input.ts";
import type { EntenteFileData } from "../contracts/entente-file.ts";
import type { AllocationKey, BudgetLine, Entente, Exercise, KeyBasis } from "../domain/entente.ts";
import { withoutUsage } from "../domain/usage-figures.ts";
import { RECEIPT_LABELS } from "./receipt-labels.ts";

/** The entente file's input form (what a person writes): amounts and rates as exact decimal text. */
export type EntenteFileInput = {
  entente: Record<string, unknown>;
  members: Record<string, unknown>[];
  keys: Record<string, unknown>[];
  missions: Record<string, unknown>[];
  exercises: Record<string, unknown>[];
};

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

/** A key as the file writes it: its first basis, then its later periods each from its exercise. */
function keyEntry(key: AllocationKey): Record<string, unknown> {
  const base = { id: key.id, label: key.label, ...optional("source", key.source) };
  const periods = (key.periods ?? []).map((p) => ({
    from: p.from,
    ...optional("source", p.source),
    ...basisEntry(p.basis),
  }));
  return { ...base, ...basisEntry(key.basis), ...(periods.length === 0 ? {} : { periods }) };
}

/** A key's basis as the file writes it: rates in percent, integer weights, criteria (4 decimals). */
function basisEntry(usageOrPlain: KeyBasis): Record<string, unknown> {
  // The file has no usage basis: a usage period is written as the integer weights it resolves to
  // (the same exact shares); where its figures came from stays in the period's `source`.
  const basis = withoutUsage(usageOrPlain);
  const base = {};
  if (basis.kind === "percent")
    return {
      ...base,
      percent: Object.fromEntries(basis.shares.map((s) => [s.member, percentUnitsToText(s.tenThousandths)])),
    };
  if (basis.kind === "weights")
    return { ...base, weights: Object.fromEntries(basis.shares.map((s) => [s.member, s.weight.toString()])) };
  return {
    ...base,
    criteria: basis.criteria.map((c) => ({
      id: c.id,
      ...optional("label", c.label),
      ...optional("source", c.source),
      weight: formatScaled(c.weight, 4, true),
      values: Object.fromEntries(c.values.map((v) => [v.member, formatScaled(v.value, 4, true)])),
    })),
  };
}

/** One entry per line (one section each), so that reading the file back gives the same lines. */
function lineEntry(line: BudgetLine, unit: RoundingUnit): Record<string, unknown> {
  const common = { ...optional("mission", line.mission), ...optional("nature", line.nature) };
  const amount = { [line.section]: centsToEuroText(line.amount, unit) };
  if (line.direction === "expense") return { ...common, label: line.label, ...amount };
  const kind = line.receiptKind ?? "other";
  const label = line.label === RECEIPT_LABELS[kind] ? undefined : line.label;
  return { kind, ...common, ...optional("label", label), ...amount };
}

function exerciseEntry(exercise: Exercise, unit: RoundingUnit): Record<string, unknown> {
  const euros = (cents: bigint) => centsToEuroText(cents, unit);
  return {
    year: exercise.year,
    ...(exercise.calledIn === exercise.year ? {} : { calledIn: exercise.calledIn }),
    expenses: exercise.lines.filter((l) => l.direction === "expense").map((l) => lineEntry(l, unit)),
    receipts: exercise.lines.filter((l) => l.direction === "receipt").map((l) => lineEntry(l, unit)),
    advances: exercise.advances.map((a) => ({
      id: a.id,
      label: a.label,
      member: a.member,
      amount: euros(a.amount),
      key: a.key,
    })),
    adjustments: exercise.adjustments.map((a) => ({
      id: a.id,
      label: a.label,
      amounts: Object.fromEntries(a.amounts.map((x) => [x.member, euros(x.amount)])),
    })),
  };
}

/**
 * The domain model of an entente as an entente file (docs/entente-file.md): reading the result
 * back gives the same model (members, keys, missions with their members and keys, every line,
 * advance and adjustment, exact to the cent). Not carried by the model, hence not written: the
 * convention's dates, mission descriptions, exercise notes, service plans, decisions and payments.
 */
export function toEntenteFileData(entente: Entente): EntenteFileInput {
  return {
    entente: {
      name: entente.name,
      legalBasis: [...entente.legalBasis],
      currency: "EUR",
      rounding: { unit: entente.rounding.unit },
      ...optional("budgetHolder", entente.budgetHolder),
      defaultKey: entente.defaultKey,
    },
    members: entente.members.map((m) => ({
      id: m.id,
      name: m.name,
      kind: m.kind,
      ...optional("siren", m.siren),
      ...optional("siret", m.siret),
      ...optional("assembly", m.assembly),
      ...optional("from", m.from),
      ...optional("to", m.to),
      ...optional("accountant", m.accountant),
    })),
    keys: entente.keys.map(keyEntry),
    missions: entente.missions.map((m) => ({
      id: m.id,
      name: m.name,
      kind: m.kind,
      ...optional("lead", m.lead),
      members: [...m.members],
      keys: { ...m.keys },
    })),
    exercises: entente.exercises.map((e) => exerciseEntry(e, entente.rounding.unit)),
  };
}

/** The entente file's YAML text of `entente`, with a header saying where it comes from. */
export function renderEntenteFile(entente: Entente, source: string): string {
  const header = `# Entente file exported from ${source} (docs/entente-file.md).\n# Amounts are exact euro texts; edit, then \`entente apply\` it back (preview first).\n`;
  return `${header}${stringify(toEntenteFileData(entente), { lineWidth: 0 })}`;
}

// The file schema's type, to keep this writer in step with the reader (a field renamed there
// fails to compile here).
export type { EntenteFileData };
