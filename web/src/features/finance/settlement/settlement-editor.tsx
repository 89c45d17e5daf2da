import { useId } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SaveNotice } from "../../../shared/components/save-notice.tsx";
import { canEditBudget, useAccount } from "../../access/index.ts";
import type { BudgetStatus, Settlement } from "../finance-types.ts";
import { AdjustmentsSection } from "./adjustments-section.tsx";
import { AdvancesSection } from "./advances-section.tsx";
import { SettlementHint } from "./settlement-hint.tsx";
import { SettlementSaveActions } from "./settlement-save-actions.tsx";
import { useSettlementEditor } from "./use-settlement-editor.ts";

/**
 * The advances and adjustments of one exercise, saved together (one rowVersion). Each
 * adjustment's sum is recomputed in BigInt cents at every keystroke and must be exactly 0 for
 * Save to be offered; the other rules (known members and keys, payer in the key, whole euros)
 * are the server's, whose messages appear next to their fields. Read-only, from the server's
 * data, for roles other than the secretariat and once the exercise's budget is not a draft.
 */
export function SettlementEditor({
  settlement,
  budgetStatus,
  onSaved,
  onReload,
  onBudgetChanged,
}: {
  settlement: Settlement;
  /** Status of the exercise's budget (latest version); null when the exercise has none. */
  budgetStatus: BudgetStatus | null;
  onSaved: (settlement: Settlement) => void;
  onReload: () => void;
  /** Called when the server says the budget is no longer a draft (someone adopted it meanwhile). */
  onBudgetChanged: () => void;
}) {
  const { t } = useTranslation();
  const account = useAccount();
  const formId = useId();
  const mayEdit = canEditBudget(account);
  const editable = mayEdit && budgetStatus === "draft";
  const editor = useSettlementEditor({ settlement, editable, formId, onSaved, onBudgetChanged });
  const { draft, submit, errors } = editor;
  return (
    <form
      className="form"
      onSubmit={(e) => void editor.save(e)}
      noValidate
      aria-describedby={`${formId}-status`}
    >
      <SettlementHint
        id={`${formId}-status`}
        year={settlement.year}
        budgetStatus={budgetStatus}
        mayEdit={mayEdit}
      />
      <ProblemAlert
        error={submit.error}
        shownFields={errors.shown}
        onReload={() => {
          submit.reset();
          onReload();
        }}
      />
      <AdvancesSection
        formId={formId}
        settlement={settlement}
        editable={editable}
        advances={draft.advances}
        rows={editor.rows}
        errors={errors}
      />
      <AdjustmentsSection
        formId={formId}
        settlement={settlement}
        editable={editable}
        adjustments={draft.adjustments}
        checks={editor.checks}
        rows={editor.rows}
        errors={errors}
      />
      {editable && (
        <SettlementSaveActions
          formId={formId}
          saving={submit.saving}
          dirty={editor.dirty}
          blocked={editor.blocked}
        />
      )}
      <SaveNotice saved={submit.saved} message={t("settlement.saved")} />
    </form>
  );
}
