import { useTranslation } from "react-i18next";
import { centsToEuroText } from "../../../../../src/shared/money-input.ts";
import { TextField } from "../../../shared/components/field.tsx";
import { formatEuros } from "../../../shared/format/format-euros.ts";
import { useLocale } from "../../../shared/i18n/use-locale.ts";
import { AdjustmentAmountsTable } from "./adjustment-amounts-table.tsx";
import type { AdjustmentCheck } from "./adjustment-check.ts";
import type { DraftAdjustment } from "./settlement-draft.ts";

const CHECK_CLASS: Record<AdjustmentCheck["status"], string> = {
  ok: "check check--ok",
  off: "check check--excess",
  invalid: "check check--invalid",
  empty: "check check--missing",
};

/**
 * One adjustment as a fieldset: its id and label, each member's signed amount, and the live
 * check that they add up to zero (announced politely), with the server's message on the sum.
 */
export function AdjustmentForm({
  adjustment,
  n,
  check,
  onChange,
  onRemove,
  error,
  amountError,
}: {
  adjustment: DraftAdjustment;
  n: number;
  check: AdjustmentCheck;
  onChange: (patch: (a: DraftAdjustment) => Partial<DraftAdjustment>) => void;
  onRemove: () => void;
  error: (field: string) => string | undefined;
  amountError: (memberId: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const prefix = `adjustment-${adjustment.rowId}`;
  const sum = formatEuros(centsToEuroText(check.sum), locale);
  const sumError = error("amounts");
  const cell = (column: string) => t("settlement.adjustmentCell", { column, n });
  const title =
    adjustment.label.trim() === ""
      ? t("settlement.adjustmentTitle", { n })
      : t("settlement.adjustmentTitleLabel", { n, label: adjustment.label });
  return (
    <fieldset className="fieldset card adjustment" data-adjustment>
      <legend>{title}</legend>
      <div className="form-row">
        <TextField
          id={`${prefix}-id`}
          label={cell(t("settlement.id"))}
          autoComplete="off"
          spellCheck={false}
          value={adjustment.id}
          onChange={(e) => onChange(() => ({ id: e.target.value }))}
          error={error("id")}
        />
        <TextField
          id={`${prefix}-label`}
          label={cell(t("settlement.label"))}
          value={adjustment.label}
          onChange={(e) => onChange(() => ({ label: e.target.value }))}
          error={error("label")}
        />
      </div>
      <p id={`${prefix}-hint`} className="hint">
        {t("settlement.signedHint")}
      </p>
      <AdjustmentAmountsTable
        adjustment={adjustment}
        n={n}
        check={check}
        sum={sum}
        onChange={onChange}
        amountError={amountError}
      />
      <p aria-live="polite" className={CHECK_CLASS[check.status]} id={`${prefix}-check`}>
        {check.status === "ok" && t("settlement.sumOk", { n, sum })}
        {check.status === "off" && t("settlement.sumOff", { n, sum })}
        {check.status === "empty" && t("settlement.sumEmpty", { n })}
        {check.status === "invalid" && t("settlement.sumInvalid", { n, count: check.invalid.length })}
      </p>
      {sumError !== undefined && (
        <p className="field__error" id={`${prefix}-amounts-error`}>
          {sumError}
        </p>
      )}
      <button type="button" className="button button--tertiary button--small" onClick={onRemove}>
        {t("settlement.removeAdjustment", { n })}
      </button>
    </fieldset>
  );
}
