import { useId } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SaveNotice } from "../../../shared/components/save-notice.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { canEditBudget, useAccount } from "../../access/index.ts";
import type { BudgetVersion } from "../finance-types.ts";
import { BalancePanel } from "./balance-panel.tsx";
import { BudgetLinesTable } from "./budget-lines-table.tsx";
import { useBudgetEditor } from "./use-budget-editor.ts";

/**
 * The lines of one budget version in a table, with the balance of each section recomputed in
 * BigInt cents at every keystroke. An unbalanced section is shown plainly, but a draft can be
 * saved unbalanced: the server keeps drafts; only adoption requires balance.
 */
export function BudgetEditor({
  budget,
  onSaved,
  onReload,
}: {
  budget: BudgetVersion;
  onSaved: (budget: BudgetVersion) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const account = useAccount();
  const tableId = useId();
  const editable = canEditBudget(account) && budget.status === "draft";
  const editor = useBudgetEditor({ budget, editable, onSaved });
  const { submit } = editor;
  return (
    <form
      className="form"
      onSubmit={(e) => void editor.save(e)}
      noValidate
      aria-describedby={`${tableId}-status`}
    >
      <p id={`${tableId}-status`} className="hint">
        {editable
          ? t("budget.editHint")
          : canEditBudget(account)
            ? t("budget.notDraft")
            : t("budget.readOnly")}
      </p>
      <BalancePanel balance={editor.balance} />
      <ProblemAlert
        error={submit.error}
        shownFields={(f) => /^lines\.\d+\./.test(f)}
        onReload={() => {
          submit.reset();
          onReload();
        }}
      />
      <BudgetLinesTable
        id={tableId}
        label={budget.label}
        lines={editor.lines}
        editable={editable}
        unreadable={editor.balance.unreadable}
        onChange={editor.change}
        onRemove={editor.remove}
        error={editor.fieldError}
      />
      {editable && (
        <div className="actions">
          <button type="button" id="add-line" className="button button--secondary" onClick={editor.add}>
            {t("budget.addLine")}
          </button>
          <SubmitButton saving={submit.saving} label={t("budget.save")} />
          {editor.dirty && <span className="meta">{t("budget.unsaved")}</span>}
        </div>
      )}
      <SaveNotice saved={submit.saved} message={t("budget.saved")} />
    </form>
  );
}
