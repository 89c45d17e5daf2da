import type { RefObject } from "react";
import type { Member } from "../finance-types.ts";
import { type DraftAdjustment, type DraftAdvance, freeId, type SettlementDraft } from "./settlement-draft.ts";

/** What the rows of a settlement draft need: the draft, a way to change it, and where new ids come from. */
export type SettlementRowsDeps = {
  draft: SettlementDraft;
  /** Applies a change to the draft (and forgets the last submission's error). */
  edit: (change: (draft: SettlementDraft) => SettlementDraft) => void;
  /** The next free `rowId`, kept across renders. */
  nextRowId: RefObject<number>;
  /** The form's id: the "add" buttons are `${formId}-add-advance` and `${formId}-add-adjustment`. */
  formId: string;
  members: readonly Member[];
  /** The key a new advance is shared by until one is chosen. */
  defaultKey: string;
};

/** Focuses the element `id` once the change is rendered, or `fallback` when it is gone. */
const focusSoon = (id: string, fallback: string) =>
  requestAnimationFrame(() => (document.getElementById(id) ?? document.getElementById(fallback))?.focus());

/**
 * The edits of a settlement's rows: change, add and remove advances and adjustments. Focus
 * follows: into a new row's label, or after a removal onto the neighbouring row (the "add"
 * button when none is left), so that a keyboard user never falls back to the top of the page.
 */
export function createSettlementRows({
  draft,
  edit,
  nextRowId,
  formId,
  members,
  defaultKey,
}: SettlementRowsDeps) {
  const addAdvanceId = `${formId}-add-advance`;
  const addAdjustmentId = `${formId}-add-adjustment`;
  return {
    changeAdvance: (rowId: number, patch: Partial<DraftAdvance>) =>
      edit((d) => ({ ...d, advances: d.advances.map((a) => (a.rowId === rowId ? { ...a, ...patch } : a)) })),
    changeAdjustment: (rowId: number, patch: (a: DraftAdjustment) => Partial<DraftAdjustment>) =>
      edit((d) => ({
        ...d,
        adjustments: d.adjustments.map((a) => (a.rowId === rowId ? { ...a, ...patch(a) } : a)),
      })),
    addAdvance: () => {
      const rowId = nextRowId.current++;
      edit((d) => ({
        ...d,
        advances: [
          ...d.advances,
          {
            rowId,
            id: freeId("avance", d.advances),
            label: "",
            memberId: members[0]?.id ?? "",
            amount: "",
            keyId: defaultKey,
          },
        ],
      }));
      focusSoon(`advance-${rowId}-label`, addAdvanceId);
    },
    removeAdvance: (rowId: number, index: number) => {
      const next = draft.advances.filter((a) => a.rowId !== rowId);
      edit((d) => ({ ...d, advances: d.advances.filter((a) => a.rowId !== rowId) }));
      const neighbour = next[Math.min(index, next.length - 1)];
      focusSoon(neighbour === undefined ? "" : `advance-${neighbour.rowId}-id`, addAdvanceId);
    },
    addAdjustment: () => {
      const rowId = nextRowId.current++;
      edit((d) => ({
        ...d,
        adjustments: [
          ...d.adjustments,
          {
            rowId,
            id: freeId("regularisation", d.adjustments),
            label: "",
            amounts: Object.fromEntries(members.map((m) => [m.id, ""])),
          },
        ],
      }));
      focusSoon(`adjustment-${rowId}-label`, addAdjustmentId);
    },
    removeAdjustment: (rowId: number, index: number) => {
      const next = draft.adjustments.filter((a) => a.rowId !== rowId);
      edit((d) => ({ ...d, adjustments: d.adjustments.filter((a) => a.rowId !== rowId) }));
      const neighbour = next[Math.min(index, next.length - 1)];
      focusSoon(neighbour === undefined ? "" : `adjustment-${neighbour.rowId}-id`, addAdjustmentId);
    },
  };
}

/** The row edits of a settlement draft. */
export type SettlementRows = ReturnType<typeof createSettlementRows>;
