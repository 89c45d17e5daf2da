import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FundCall as FundCallSchema, PaymentCreate } from "../../../../../src/finance/contracts/api.ts";
import { formatAmountInput, parseEuroCents, toApiDecimal } from "../../../../../src/shared/money-input.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { TextField } from "../../../shared/components/field.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SaveCancelActions } from "../../../shared/components/save-cancel-actions.tsx";
import { formatEuros } from "../../../shared/format/format-euros.ts";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useLocale } from "../../../shared/i18n/use-locale.ts";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { FundCall } from "../finance-types.ts";

const today = () => new Date().toISOString().slice(0, 10);

/** Records a payment against a member's fund call; refuses (BigInt cents) an amount above what is due. */
export function PaymentForm({
  year,
  call,
  onSaved,
  onCancel,
}: {
  year: number;
  call: FundCall;
  onSaved: (call: FundCall) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const locale = useLocale();
  const { entente, memberName } = useEntente();
  const heading = useRef<HTMLHeadingElement>(null);
  const [amount, setAmount] = useState(() => formatAmountInput(call.due, i18n.language));
  const [paidOn, setPaidOn] = useState(today);
  const [reference, setReference] = useState("");
  const submit = useSubmit();
  useEffect(() => heading.current?.focus(), []);

  const cents = parseEuroCents(amount);
  const due = parseEuroCents(call.due) ?? 0n;
  // Above what is due is refused (the server answers 422 payment.exceeds_due), not only warned about.
  const excess = cents !== null && cents > due;
  const amountProblem =
    amount.trim() === ""
      ? undefined
      : cents === null || cents <= 0n
        ? t("fundCalls.notAnAmount")
        : excess
          ? t("fundCalls.excess", { due: formatEuros(call.due, locale) })
          : undefined;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      amount: toApiDecimal(amount),
      paidOn,
      reference: reference.trim() === "" ? null : reference.trim(),
    };
    const saved = await submit.run(PaymentCreate, body, (b) =>
      api.send("POST", financePaths.payments(entente.id, year, call.memberId), b, FundCallSchema),
    );
    if (saved !== undefined) onSaved(saved);
  };
  return (
    <form className="form card subform" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h2 className="h3" tabIndex={-1} ref={heading}>
        {t("fundCalls.paymentFor", { member: memberName(call.memberId) })}
      </h2>
      <p>{t("fundCalls.stillDue", { amount: formatEuros(call.due, locale) })}</p>
      <ProblemAlert error={submit.error} shownFields={(f) => ["amount", "paidOn", "reference"].includes(f)} />
      <div className="form-row">
        <TextField
          id="payment-amount"
          label={t("fundCalls.amount")}
          hint={t("fundCalls.amountHint")}
          className="input input--amount"
          inputMode="decimal"
          autoComplete="off"
          value={amount}
          onChange={(e) => {
            submit.reset();
            setAmount(e.target.value);
          }}
          error={amountProblem ?? submit.fieldError("amount")}
        />
        <TextField
          id="payment-date"
          label={t("fundCalls.paidOn")}
          type="date"
          value={paidOn}
          onChange={(e) => {
            submit.reset();
            setPaidOn(e.target.value);
          }}
          error={submit.fieldError("paidOn")}
        />
        <TextField
          id="payment-reference"
          label={t("fundCalls.reference")}
          hint={t("fundCalls.referenceHint")}
          value={reference}
          onChange={(e) => {
            submit.reset();
            setReference(e.target.value);
          }}
          error={submit.fieldError("reference")}
        />
      </div>
      {/* the field's error is not announced while typing: this live region says it once */}
      <p aria-live="polite" className="visually-hidden">
        {excess ? t("fundCalls.excess", { due: formatEuros(call.due, locale) }) : ""}
      </p>
      <SaveCancelActions
        saving={submit.saving}
        label={t("fundCalls.savePayment")}
        disabled={amountProblem !== undefined}
        onCancel={onCancel}
      />
    </form>
  );
}
