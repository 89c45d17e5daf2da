import { useTranslation } from "react-i18next";
import { TextField } from "../../../shared/components/field.tsx";

/** A payment as typed: the amount the reader's way, the date paid (ISO), the bank reference. */
export type PaymentDraft = { amount: string; paidOn: string; reference: string };

/** The amount, date and reference of a payment; the amount's message is the live check's or the server's. */
export function PaymentFields({
  draft,
  edit,
  amountProblem,
  fieldError,
}: {
  draft: PaymentDraft;
  edit: (change: Partial<PaymentDraft>) => void;
  amountProblem: string | undefined;
  fieldError: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-row">
      <TextField
        id="payment-amount"
        label={t("fundCalls.amount")}
        hint={t("fundCalls.amountHint")}
        className="input input--amount"
        inputMode="decimal"
        autoComplete="off"
        value={draft.amount}
        onChange={(e) => edit({ amount: e.target.value })}
        error={amountProblem ?? fieldError("amount")}
      />
      <TextField
        id="payment-date"
        label={t("fundCalls.paidOn")}
        type="date"
        value={draft.paidOn}
        onChange={(e) => edit({ paidOn: e.target.value })}
        error={fieldError("paidOn")}
      />
      <TextField
        id="payment-reference"
        label={t("fundCalls.reference")}
        hint={t("fundCalls.referenceHint")}
        value={draft.reference}
        onChange={(e) => edit({ reference: e.target.value })}
        error={fieldError("reference")}
      />
    </div>
  );
}
