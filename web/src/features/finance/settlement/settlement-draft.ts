import {
  formatAmountInput,
  parseSignedEuroCents,
  toApiAmount,
} from "../../../../../src/shared/money-input.ts";
import type { Member, Settlement } from "../finance-types.ts";

/** An advance (avance) as edited: what a member paid ahead, shared back by a key. */
export type DraftAdvance = {
  /** Stable identity of the row while editing (React key, input ids). */
  rowId: number;
  id: string;
  label: string;
  memberId: string;
  /** As typed ("70 140"); sent in the API's form ("70140.00"). */
  amount: string;
  keyId: string;
};

/** An adjustment (régularisation) as edited: one signed amount per member, summing to zero. */
export type DraftAdjustment = {
  rowId: number;
  id: string;
  label: string;
  /** One signed amount per member of the entente, as typed; empty: the member is not concerned. */
  amounts: Record<string, string>;
};

/** The advances and adjustments of one exercise as edited, saved together. */
export type SettlementDraft = { advances: DraftAdvance[]; adjustments: DraftAdjustment[] };

/**
 * The settlement as a person edits it: amounts written the reader's way ("70 140,00" in
 * French), one amount per member of the entente in each adjustment (empty when not concerned).
 * Rows are numbered from 0, advances first, for their `rowId`.
 */
export function toSettlementDraft(
  settlement: Settlement,
  members: readonly Member[],
  language: string,
): SettlementDraft {
  let rowId = 0;
  return {
    advances: settlement.advances.map((a) => ({
      rowId: rowId++,
      id: a.id,
      label: a.label,
      memberId: a.memberId,
      amount: formatAmountInput(a.amount, language),
      keyId: a.keyId,
    })),
    adjustments: settlement.adjustments.map((a) => ({
      rowId: rowId++,
      id: a.id,
      label: a.label,
      amounts: Object.fromEntries(
        members.map((m) => [
          m.id,
          formatAmountInput(a.amounts.find((x) => x.memberId === m.id)?.amount ?? "", language),
        ]),
      ),
    })),
  };
}

/** The members an adjustment sends an amount for, in the entente's order (empty amounts are left out). */
export const sentMembers = (adjustment: DraftAdjustment, members: readonly Member[]) =>
  members.filter((m) => (adjustment.amounts[m.id] ?? "").trim() !== "").map((m) => m.id);

/** What the API expects: "−100" is sent as "-100.00", an empty amount not at all. */
export function toSettlementBody(draft: SettlementDraft, rowVersion: number, members: readonly Member[]) {
  return {
    rowVersion,
    advances: draft.advances.map((a) => ({
      id: a.id.trim(),
      label: a.label,
      memberId: a.memberId,
      amount: toApiAmount(a.amount),
      keyId: a.keyId,
    })),
    adjustments: draft.adjustments.map((a) => ({
      id: a.id.trim(),
      label: a.label,
      amounts: sentMembers(a, members).map((memberId) => ({
        memberId,
        amount: toApiAmount(a.amounts[memberId] ?? ""),
      })),
    })),
  };
}

/** A new row's id that no other row of the list has: "avance-2", "regularisation-1"… */
export function freeId(prefix: string, taken: readonly { id: string }[]): string {
  for (let n = taken.length + 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!taken.some((x) => x.id === id)) return id;
  }
}

/** Whether a typed advance amount is not a positive amount (an empty one is the schema's to report, on save). */
export const isNotAnAdvanceAmount = (text: string) => {
  if (text.trim() === "") return false;
  const cents = parseSignedEuroCents(text);
  return cents === null || cents < 0n;
};
