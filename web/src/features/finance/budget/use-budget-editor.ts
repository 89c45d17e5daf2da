import { type FormEvent, useRef } from "react";
import { useTranslation } from "react-i18next";
import {
  BudgetUpdate,
  BudgetVersion as BudgetVersionSchema,
} from "../../../../../src/finance/contracts/api.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { useDraft } from "../../../shared/hooks/use-draft.ts";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useUnsavedChanges } from "../../access/index.ts";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { BudgetVersion } from "../finance-types.ts";
import { computeBudgetBalance } from "./budget-balance.ts";
import { type DraftLine, directionOf, emptyDraftLine, toDraftLine, toLine } from "./budget-draft.ts";

/**
 * The state of the budget editor: the lines as edited, their live balance per section (BigInt
 * cents), whether there are unsaved edits (guarded before leaving), the row edits — focus moves
 * into a new row, or after a removal to the next row's first field (the "add" button when none
 * is left) — and the save.
 */
export function useBudgetEditor({
  budget,
  editable,
  onSaved,
}: {
  budget: BudgetVersion;
  editable: boolean;
  onSaved: (budget: BudgetVersion) => void;
}) {
  const { i18n } = useTranslation();
  const api = useApi();
  const { entente } = useEntente();
  const nextRowId = useRef(budget.lines.length);
  const toDrafts = (b: BudgetVersion) => b.lines.map((l, i) => toDraftLine(l, i, i18n.language));
  const { draft: lines, setDraft: setLines, adopt } = useDraft(budget, budget.rowVersion, toDrafts);
  const submit = useSubmit();
  const dirty = JSON.stringify(lines.map(toLine)) !== JSON.stringify(budget.lines);
  useUnsavedChanges(editable && dirty);
  const balance = computeBudgetBalance(lines.map((l) => ({ ...l, direction: directionOf(l) })));

  const change = (rowId: number, patch: Partial<DraftLine>) => {
    submit.reset();
    setLines((all) => all.map((l) => (l.rowId === rowId ? { ...l, ...patch } : l)));
  };
  const add = () => {
    submit.reset();
    const rowId = nextRowId.current++;
    setLines((all) => [...all, emptyDraftLine(rowId)]);
    // focus the new row's first field once it is rendered
    requestAnimationFrame(() => document.getElementById(`line-${rowId}-mission`)?.focus());
  };
  const remove = (rowId: number, index: number) => {
    submit.reset();
    setLines((all) => all.filter((l) => l.rowId !== rowId));
    requestAnimationFrame(() => {
      const rows = document.querySelectorAll<HTMLElement>(`[data-budget-row] select`);
      (rows[Math.min(index, rows.length - 1)] ?? document.getElementById("add-line"))?.focus();
    });
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await submit.run(
      BudgetUpdate,
      { rowVersion: budget.rowVersion, lines: lines.map(toLine) },
      (b) => api.send("PUT", financePaths.budget(entente.id, budget.year), b, BudgetVersionSchema),
    );
    if (saved === undefined) return;
    nextRowId.current = saved.lines.length;
    adopt(saved.rowVersion, toDrafts(saved));
    onSaved(saved);
  };
  const fieldError = (index: number, field: string) => submit.fieldError(`lines.${index}.${field}`);
  return { lines, submit, dirty, balance, change, add, remove, save, fieldError };
}
