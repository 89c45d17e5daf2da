import { useTranslation } from "react-i18next";
import { TextField } from "../../../shared/components/field.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SaveNotice } from "../../../shared/components/save-notice.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { useLocale } from "../../../shared/i18n/use-locale.ts";
import { useEntente } from "../entente/entente-context.tsx";
import type { AllocationKey } from "../finance-types.ts";
import { CriteriaTables } from "./criteria-table.tsx";
import { describePercentCheck } from "./describe-percent-check.ts";
import { KeyHeading } from "./key-heading.tsx";
import { KeyPeriodForm } from "./key-period-form.tsx";
import { KeyPeriodsTable } from "./key-periods-table.tsx";
import { PercentCheckMessage } from "./percent-check-message.tsx";
import { PercentSharesTable } from "./percent-shares-table.tsx";
import { usePercentKeyForm } from "./use-percent-key-form.ts";

/**
 * A percent key edited with a live check: the rates must add up to exactly 100 % (BigInt
 * ten-thousandths of a percent) before Save is offered; the message says the sum and the gap.
 */
export function PercentKeyForm({ allocationKey }: { allocationKey: AllocationKey }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { reload } = useEntente();
  const { draft, edit, check, submit, save } = usePercentKeyForm(allocationKey);
  const { sum, gap, status } = describePercentCheck(check, locale);
  const prefix = `key-${allocationKey.id}`;
  return (
    <section aria-labelledby={prefix} className="section card">
      <KeyHeading allocationKey={allocationKey} />
      <form className="form" onSubmit={(e) => void save(e)} noValidate>
        <ProblemAlert
          error={submit.error}
          shownFields={(f) => f === "label" || f === "source" || /^shares\.\d+\.value$/.test(f)}
          onReload={() => {
            submit.reset();
            reload();
          }}
        />
        <div className="form-row">
          <TextField
            id={`${prefix}-label`}
            label={t("keys.label")}
            value={draft.label}
            onChange={(e) => edit({ label: e.target.value })}
            error={submit.fieldError("label")}
          />
          <TextField
            id={`${prefix}-source`}
            label={t("keys.source")}
            hint={t("keys.sourceHint")}
            value={draft.source}
            onChange={(e) => edit({ source: e.target.value })}
            error={submit.fieldError("source")}
          />
        </div>
        <PercentSharesTable
          allocationKey={allocationKey}
          prefix={prefix}
          values={draft.values}
          check={check}
          sum={sum}
          onChange={(i, value) => edit({ values: draft.values.map((v, j) => (j === i ? value : v)) })}
          fieldError={submit.fieldError}
        />
        <PercentCheckMessage
          id={`${prefix}-check`}
          status={status}
          sum={sum}
          gap={gap}
          invalid={check.invalid.length}
        />
        <SubmitButton
          saving={submit.saving}
          label={t("actions.save")}
          disabled={!check.ok}
          aria-describedby={`${prefix}-check`}
        />
        <SaveNotice saved={submit.saved} />
      </form>
      <KeyPeriodsTable allocationKey={allocationKey} />
      <CriteriaTables allocationKey={allocationKey} />
      <KeyPeriodForm allocationKey={allocationKey} />
    </section>
  );
}
