import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FundCall as FundCallSchema, PaymentCreate } from "../../../../../src/finance/contracts/api.ts";
import { formatAmountInput, toApiDecimal } from "../../../../../src/shared/money-input.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SaveCancelActions } from "../../../shared/components/save-cancel-actions.tsx";
import { formatEuros } from "../../../shared/format/format-euros.ts";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useLocale } from "../../../shared/i18n/use-locale.ts";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { FundCall } from "../finance-types.ts";
import { checkPaymentAmount } from "./payment-amount-check.ts";
import { type PaymentDraft, PaymentFields } from "./payment-fields.tsx";

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
  const [draft, setDraft] = useState<PaymentDraft>(() => ({
    amount: formatAmountInput(call.due, i18n.language),
    paidOn: today(),
    reference: "",
  }));
  const submit = useSubmit();
  useEffect(() => heading.current?.focus(), []);
  const edit = (change: Partial<PaymentDraft>) => {
    submit.reset();
    setDraft((d) => ({ ...d, ...change }));
  };
  const { amount, paidOn, reference } = draft;

  const check = checkPaymentAmount(amount, call.due);
  const excessText = t("fundCalls.excess", { due: formatEuros(call.due, locale) });
  const amountProblem =
    check === "not_an_amount" ? t("fundCalls.notAnAmount") : check === "excess" ? excessText : undefined;

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
      <PaymentFields draft={draft} edit={edit} amountProblem={amountProblem} fieldError={submit.fieldError} />
      {/* the field's error is not announced while typing: this live region says it once */}
      <p aria-live="polite" className="visually-hidden">
        {check === "excess" ? excessText : ""}
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
