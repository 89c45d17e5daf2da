import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FundCall as FundCallSchema, PaymentCancel } from "../../../../../src/finance/contracts/api.ts";
import { sumEuros } from "../../../../../src/shared/money-input.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { TextAreaField } from "../../../shared/components/field.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { formatEuros } from "../../../shared/format/format-euros.ts";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useLocale } from "../../../shared/i18n/use-locale.ts";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { FundCall } from "../finance-types.ts";

export type Payment = FundCall["payments"][number];

const REASON_MAX = 500;

/**
 * Cancels a payment recorded by mistake: a modal dialog (native <dialog>: focus kept inside,
 * Escape closes it) that shows what the cancellation changes, asks for the reason and a
 * confirmation. The server answers the member's fund call, due amount restored.
 */
export function PaymentCancelDialog({
  call,
  payment,
  onCancelled,
  onClose,
}: {
  call: FundCall;
  payment: Payment;
  onCancelled: (call: FundCall) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useLocale();
  const { entente, memberName } = useEntente();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const submit = useSubmit();

  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    if (!element.open) element.showModal();
    element.querySelector("textarea")?.focus();
    return () => {
      if (element.open) element.close();
    };
  }, []);

  const member = memberName(call.memberId);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(payment.paidOn),
  );
  const missing = reason.trim() === "";
  const reasonError = tried && missing ? t("fundCalls.cancelReasonRequired") : submit.fieldError("reason");

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (missing) {
      dialog.current?.querySelector("textarea")?.focus();
      return;
    }
    const saved = await submit.run(PaymentCancel, { reason }, (b) =>
      api.send("DELETE", financePaths.payment(entente.id, payment.id), b, FundCallSchema),
    );
    if (saved !== undefined) onCancelled(saved);
  };

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-summary ${id}-effect`}
      onClose={onClose}
      onCancel={(event) => {
        // Escape while the request runs would hide its answer
        if (submit.saving) event.preventDefault();
      }}
    >
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <h2 className="h3" id={`${id}-title`}>
          {t("fundCalls.cancelTitle")}
        </h2>
        <p id={`${id}-summary`}>
          {t("fundCalls.cancelSummary", {
            member,
            date,
            amount: formatEuros(payment.amount, locale),
            reference:
              payment.reference === null
                ? ""
                : t("fundCalls.cancelReference", { reference: payment.reference }),
          })}
        </p>
        <p id={`${id}-effect`}>
          {t("fundCalls.cancelEffect", {
            member,
            from: formatEuros(call.due, locale),
            to: formatEuros(sumEuros([call.due, payment.amount]), locale),
          })}
        </p>
        <ProblemAlert error={submit.error} shownFields={(f) => f === "reason"} />
        <TextAreaField
          id="payment-cancel-reason"
          label={t("fundCalls.cancelReason")}
          hint={t("fundCalls.cancelReasonHint")}
          rows={3}
          required
          maxLength={REASON_MAX}
          value={reason}
          onChange={(e) => {
            submit.reset();
            setReason(e.target.value);
          }}
          error={reasonError}
        />
        <div className="actions">
          <SubmitButton
            saving={submit.saving}
            label={t("fundCalls.cancelConfirm")}
            savingLabel={t("fundCalls.cancelling")}
            className="button button--danger"
          />
          <button
            type="button"
            className="button button--secondary"
            disabled={submit.saving}
            onClick={() => dialog.current?.close()}
          >
            {t("fundCalls.cancelKeep")}
          </button>
        </div>
      </form>
    </dialog>
  );
}
