import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { FundCall as FundCallSchema, PaymentCancel } from "../../../../../src/finance/contracts/api.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { DialogActions } from "../../../shared/components/dialog-actions.tsx";
import { TextAreaField } from "../../../shared/components/field.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { useModalDialog } from "../../../shared/hooks/use-modal-dialog.ts";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { FundCall } from "../finance-types.ts";
import { type Payment, PaymentCancelEffect } from "./payment-cancel-effect.tsx";

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
  const { entente } = useEntente();
  const id = useId();
  const dialog = useModalDialog((element) => element.querySelector("textarea")?.focus());
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const submit = useSubmit();

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
        <PaymentCancelEffect id={id} call={call} payment={payment} />
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
        <DialogActions
          saving={submit.saving}
          confirm={t("fundCalls.cancelConfirm")}
          confirming={t("fundCalls.cancelling")}
          keep={t("fundCalls.cancelKeep")}
          onKeep={() => dialog.current?.close()}
        />
      </form>
    </dialog>
  );
}
