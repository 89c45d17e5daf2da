import { toApiDecimal } from "../../../../../src/shared/money-input.ts";
import type { AllocationKey } from "../finance-types.ts";

/** One criterion as typed: label, weight in % of the key, source (origin and year), a value per member. */
export type CriterionDraft = {
  /** Its id once saved (kept when a saved criterion is edited), else "" (made from the label). */
  id: string;
  label: string;
  weight: string;
  source: string;
  values: Record<string, string>;
};

/** An empty criterion, to be typed. */
export const emptyCriterion = (): CriterionDraft => ({
  id: "",
  label: "",
  weight: "",
  source: "",
  values: {},
});

/**
 * The criteria the form starts from: those of the key's latest criteria period (its figures, to
 * be changed from a later exercise), with weights and values shown the reader's way; else one
 * empty criterion.
 */
export function initialCriteria(
  allocationKey: Pick<AllocationKey, "periods">,
  format: (text: string) => string,
): CriterionDraft[] {
  const latest = (allocationKey.periods ?? []).findLast((p) => p.criteria !== undefined);
  if (latest?.criteria === undefined) return [emptyCriterion()];
  return latest.criteria.map((c) => ({
    id: c.id,
    label: c.label ?? c.id,
    weight: format(c.weight),
    source: c.source ?? "",
    values: Object.fromEntries(c.values.map((v) => [v.memberId, format(v.value)])),
  }));
}

/**
 * A criterion's id from its label, as the entente file writes ids: « Population municipale » →
 * `population-municipale`; `critere-<n>` when the label has no letter or digit.
 */
export function criterionId(draft: Pick<CriterionDraft, "id" | "label">, index: number): string {
  if (draft.id !== "") return draft.id;
  const slug = draft.label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug === "" ? `critere-${index + 1}` : slug;
}

/** What `PUT …/keys/:id/periods` expects as `criteria`: each criterion with a value per member, in order. */
export function toCriteriaBody(criteria: readonly CriterionDraft[], memberIds: readonly string[]) {
  const text = (value: string) => (value.trim() === "" ? null : value.trim());
  return criteria.map((c, index) => ({
    id: criterionId(c, index),
    label: text(c.label),
    source: text(c.source),
    weight: toApiDecimal(c.weight.trim()),
    values: memberIds.map((memberId) => ({
      memberId,
      value: toApiDecimal((c.values[memberId] ?? "").trim()),
    })),
  }));
}
