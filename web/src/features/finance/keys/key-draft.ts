import { formatRateInput, toApiDecimal } from "../../../../../src/shared/money-input.ts";
import type { AllocationKey } from "../finance-types.ts";

/** A percent key as edited: its label, source, and one rate per member as typed. */
export type KeyDraft = ReturnType<typeof toKeyDraft>;

/** The key as edited: rates written the reader's way ("30,6" in French, as typed). */
export const toKeyDraft = (key: AllocationKey, language: string) => ({
  label: key.label,
  source: key.source ?? "",
  values: key.shares.map((s) => formatRateInput(s.value, language)),
});

/** What the API expects: "30.6" for a rate typed "30,6", null for an empty source. */
export const toKeyBody = (draft: KeyDraft, key: AllocationKey) => ({
  label: draft.label,
  source: draft.source.trim() === "" ? null : draft.source.trim(),
  shares: key.shares.map((s, i) => ({
    memberId: s.memberId,
    value: toApiDecimal(draft.values[i] ?? ""),
  })),
  rowVersion: key.rowVersion,
});
