import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FundCall as FundCallSchema, RefundCreate } from "../../../../../src/finance/contracts/api.ts";
import { formatAmountInput, toApiDecimal } from "../../../../../src/shared/money-input.ts";
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
import { checkPaymentAmount } from "./payment-amount-check.ts";

const today = () => new Date().toISOString().slice(0, 10);

type RefundDraft = { amount: string; refundedOn: string; reference: string };

/** The amount, date and mandat reference of a refund; the amount's message is the live check's or the server's. */
function RefundFields({
  draft,
  edit,
  amountProblem,
  fieldError,
}: {
  draft: RefundDraft;
  edit: (change: Partial<RefundDraft>) => void;
  amountProblem: string | undefined;
  fieldError: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-row">
      <TextField
        id="refund-amount"
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
        id="refund-date"
        label={t("fundCalls.refundedOn")}
        type="date"
        value={draft.refundedOn}
        onChange={(e) => edit({ refundedOn: e.target.value })}
        error={fieldError("refundedOn")}
      />
      <TextField
        id="refund-reference"
        label={t("fundCalls.refundReference")}
        hint={t("fundCalls.refundReferenceHint")}
        value={draft.reference}
        onChange={(e) => edit({ reference: e.target.value })}
        error={fieldError("reference")}
      />
    </div>
  );
}

/**
 * Records the refund of a member's trop-perçu (mandat de remboursement): amount (at most the
 * trop-perçu, checked in BigInt cents as typed and by the server), date and the mandat's
 * reference. The secretariat's (the row offers it only to who may issue fund calls).
 */
export function RefundForm({
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
  const overpaid = call.due.replace(/^-/, "");
  const [draft, setDraft] = useState<RefundDraft>(() => ({
    amount: formatAmountInput(overpaid, i18n.language),
    refundedOn: today(),
    reference: "",
  }));
  const submit = useSubmit();
  useEffect(() => heading.current?.focus(), []);
  const edit = (change: Partial<RefundDraft>) => {
    submit.reset();
    setDraft((d) => ({ ...d, ...change }));
  };
  const check = checkPaymentAmount(draft.amount, overpaid);
  const excessText = t("fundCalls.refundExcess", { overpaid: formatEuros(overpaid, locale) });
  const amountProblem =
    check === "not_an_amount" ? t("fundCalls.notAnAmount") : check === "excess" ? excessText : undefined;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      amount: toApiDecimal(draft.amount),
      refundedOn: draft.refundedOn,
      reference: draft.reference.trim(),
    };
    const saved = await submit.run(RefundCreate, body, (b) =>
      api.send("POST", financePaths.refunds(entente.id, year, call.memberId), b, FundCallSchema),
    );
    if (saved !== undefined) onSaved(saved);
  };
  return (
    <form className="form card subform" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h2 className="h3" tabIndex={-1} ref={heading}>
        {t("fundCalls.refundFor", { member: memberName(call.memberId) })}
      </h2>
      <p>{t("fundCalls.overpaid", { amount: formatEuros(overpaid, locale) })}</p>
      <ProblemAlert
        error={submit.error}
        shownFields={(f) => ["amount", "refundedOn", "reference"].includes(f)}
      />
      <RefundFields draft={draft} edit={edit} amountProblem={amountProblem} fieldError={submit.fieldError} />
      <p aria-live="polite" className="visually-hidden">
        {check === "excess" ? excessText : ""}
      </p>
      <SaveCancelActions
        saving={submit.saving}
        label={t("fundCalls.saveRefund")}
        disabled={amountProblem !== undefined}
        onCancel={onCancel}
      />
    </form>
  );
}
