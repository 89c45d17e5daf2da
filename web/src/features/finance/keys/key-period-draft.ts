import { toApiDecimal } from "../../../../../src/shared/money-input.ts";
import type { EntenteDetail } from "../finance-types.ts";
import { type CriterionDraft, toCriteriaBody } from "./criteria-draft.ts";

/**
 * The kind of figures a key period is typed in: fixed rates, integer weights (population, usage)
 * or weighted criteria (population 50 %, agents 30 %…).
 */
export type PeriodKind = "percent" | "weights" | "criteria";

/**
 * A key period as typed: its first exercise, kind, source and one figure per member (text) — or,
 * for criteria, each criterion with its weight, source and a value per member.
 */
export type PeriodDraft = {
  from: string;
  kind: PeriodKind;
  source: string;
  values: Record<string, string>;
  criteria: CriterionDraft[];
};

/** The members that belong in exercise `year` (joined by then, not left before): those a period from `year` shares between. */
export function membersIn(entente: Pick<EntenteDetail, "members">, year: number) {
  return entente.members.filter(
    (m) => (m.from === null || m.from <= year) && (m.to === null || m.to >= year),
  );
}

/** A year as typed: a number when it is one (the contract checks its range), else the text (refused by it). */
const yearOf = (text: string): number | string =>
  /^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : text;

/**
 * What `PUT …/keys/:id/periods` expects: `shares` (rates, "30.6" for "30,6"), `weights` (digits,
 * "1 424 069" read as 1424069) or `criteria` (criteria-draft.ts) for `memberIds`, in that order.
 */
export function toPeriodBody(draft: PeriodDraft, memberIds: readonly string[]) {
  const source = draft.source.trim() === "" ? null : draft.source.trim();
  const value = (id: string) => draft.values[id] ?? "";
  const figures = memberIds.map((memberId) => ({ memberId, value: toApiDecimal(value(memberId)) }));
  const basis =
    draft.kind === "criteria"
      ? { criteria: toCriteriaBody(draft.criteria, memberIds) }
      : draft.kind === "percent"
        ? { shares: figures }
        : { weights: figures };
  return { from: yearOf(draft.from), source, ...basis };
}
