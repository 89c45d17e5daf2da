import { type FormEvent, useRef } from "react";
import { useTranslation } from "react-i18next";
import {
  Settlement as SettlementSchema,
  SettlementUpdate,
} from "../../../../../src/finance/contracts/api.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { ApiError } from "../../../shared/api/api-error.ts";
import { useDraft } from "../../../shared/hooks/use-draft.ts";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useUnsavedChanges } from "../../access/index.ts";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { Settlement } from "../finance-types.ts";
import { checkAdjustment } from "./adjustment-check.ts";
import { createSettlementRows } from "./create-settlement-rows.ts";
import { toSettlementBody, toSettlementDraft } from "./settlement-draft.ts";
import { settlementFieldErrors } from "./settlement-field-errors.ts";

/**
 * The state of the settlement editor: the draft and its rows, each adjustment's live zero-sum
 * check (Save is blocked while one does not hold), whether there are unsaved edits (guarded
 * before leaving), and the save itself. A save refused because the budget left the draft status
 * meanwhile (`budget.not_editable`) calls `onBudgetChanged`, so the page reads it again.
 */
export function useSettlementEditor({
  settlement,
  editable,
  formId,
  onSaved,
  onBudgetChanged,
}: {
  settlement: Settlement;
  editable: boolean;
  formId: string;
  onSaved: (settlement: Settlement) => void;
  onBudgetChanged: () => void;
}) {
  const { i18n } = useTranslation();
  const api = useApi();
  const { entente } = useEntente();
  const members = entente.members;
  const toDrafts = (s: Settlement) => toSettlementDraft(s, members, i18n.language);
  const { draft, setDraft, adopt } = useDraft(settlement, settlement.rowVersion, toDrafts);
  const nextRowId = useRef(settlement.advances.length + settlement.adjustments.length);
  const submit = useSubmit();

  const checks = draft.adjustments.map((a) => checkAdjustment(members.map((m) => a.amounts[m.id] ?? "")));
  const blocked = checks.flatMap((c, i) => (c.status === "ok" ? [] : [i + 1]));
  const body = toSettlementBody(draft, settlement.rowVersion, members);
  const saved = toSettlementBody(toDrafts(settlement), settlement.rowVersion, members);
  const dirty = JSON.stringify(body) !== JSON.stringify(saved);
  useUnsavedChanges(editable && dirty);

  const rows = createSettlementRows({
    draft,
    edit: (change) => {
      submit.reset();
      setDraft(change);
    },
    nextRowId,
    formId,
    members,
    defaultKey: entente.defaultKey,
  });
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (blocked.length > 0) return;
    const result = await submit.run(SettlementUpdate, body, (b) =>
      api
        .send("PUT", financePaths.settlement(entente.id, settlement.year), b, SettlementSchema)
        .catch((error: unknown) => {
          if (error instanceof ApiError && error.code === "budget.not_editable") onBudgetChanged();
          throw error;
        }),
    );
    if (result === undefined) return;
    nextRowId.current = result.advances.length + result.adjustments.length;
    adopt(result.rowVersion, toDrafts(result));
    onSaved(result);
  };
  const errors = settlementFieldErrors(submit.fieldError, draft, members, editable);
  return { draft, submit, checks, blocked, dirty, rows, save, errors };
}
