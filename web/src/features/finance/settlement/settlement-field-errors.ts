import type { Member } from "../finance-types.ts";
import { type DraftAdjustment, type SettlementDraft, sentMembers } from "./settlement-draft.ts";

/** The message of a field of the last submission (`useSubmit().fieldError`). */
type FieldError = (field: string) => string | undefined;

/**
 * Where the server's and the schema's messages of a settlement go, by field: "advances.0.amount",
 * "adjustments.1.amounts" (the sum), and one member's amount as "adjustments.1.amounts.0.amount"
 * (the index in what was sent) or "adjustments.1.amounts.sitiv".
 */
export type SettlementFieldErrors = {
  advance: (index: number, field: string) => string | undefined;
  adjustment: (index: number, field: string) => string | undefined;
  memberAmount: (index: number, adjustment: DraftAdjustment, memberId: string) => string | undefined;
  /** Whether a field has its input on screen (the others are listed in the form's alert). */
  shown: (field: string) => boolean;
};

/** The fields of one member's amount in an adjustment, as the server may name them. */
function memberAmountFields(index: number, sentIndex: number, memberId: string): string[] {
  const prefix = `adjustments.${index}.amounts`;
  return [
    ...(sentIndex < 0
      ? []
      : [`${prefix}.${sentIndex}.amount`, `${prefix}.${sentIndex}.memberId`, `${prefix}.${sentIndex}`]),
    `${prefix}.${memberId}`,
  ];
}

/** Ties the messages of `fieldError` to the inputs of `draft` (none shown when not `editable`). */
export function settlementFieldErrors(
  fieldError: FieldError,
  draft: SettlementDraft,
  members: readonly Member[],
  editable: boolean,
): SettlementFieldErrors {
  const fieldsOf = (index: number, adjustment: DraftAdjustment, memberId: string) =>
    memberAmountFields(index, sentMembers(adjustment, members).indexOf(memberId), memberId);
  const shown = new Set(
    editable
      ? [
          ...draft.advances.flatMap((_, i) =>
            ["id", "label", "memberId", "amount", "keyId"].map((f) => `advances.${i}.${f}`),
          ),
          ...draft.adjustments.flatMap((a, i) => [
            `adjustments.${i}.id`,
            `adjustments.${i}.label`,
            `adjustments.${i}.amounts`,
            ...members.flatMap((m) => fieldsOf(i, a, m.id)),
          ]),
        ]
      : [],
  );
  return {
    advance: (index, field) => fieldError(`advances.${index}.${field}`),
    adjustment: (index, field) => fieldError(`adjustments.${index}.${field}`),
    memberAmount: (index, adjustment, memberId) =>
      fieldsOf(index, adjustment, memberId)
        .map((f) => fieldError(f))
        .find((m) => m !== undefined),
    shown: (field) => shown.has(field),
  };
}
