import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ActionsHeader } from "../../../shared/components/actions-header.tsx";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { DateText } from "../../../shared/components/date-text.tsx";
import { EurosCell } from "../../../shared/components/euros-cell.tsx";
import { NumHeader } from "../../../shared/components/num-header.tsx";
import { RowButton } from "../../../shared/components/row-button.tsx";
import { SaveNotice } from "../../../shared/components/save-notice.tsx";
import { formatEuros } from "../../../shared/format/format-euros.ts";
import { formatLongDate } from "../../../shared/format/format-long-date.ts";
import { useLocale } from "../../../shared/i18n/use-locale.ts";
import { canCancelPayment, useAccount } from "../../access/index.ts";
import { useEntente } from "../entente/entente-context.tsx";
import type { FundCall } from "../finance-types.ts";
import type { Payment } from "./payment-cancel-effect.tsx";

/**
 * The payments recorded against the year's fund calls, newest first; the secretariat may cancel
 * one recorded by mistake. What the last cancellation left due is announced under the title,
 * which takes the focus (the cancelled payment's button is gone).
 */
export function PaymentsSection({
  calls,
  notice,
  onCancel,
}: {
  calls: readonly FundCall[];
  /** What the last cancellation left due, announced (role="status") and focused under the title. */
  notice: string | null;
  onCancel: (paymentId: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const account = useAccount();
  const { memberName } = useEntente();
  const title = useRef<HTMLHeadingElement>(null);
  const canCancel = canCancelPayment(account);
  const payments: (Payment & { memberId: string })[] = calls
    .flatMap((c) => c.payments.map((p) => ({ ...p, memberId: c.memberId })))
    .sort((a, b) => b.paidOn.localeCompare(a.paidOn));
  // the cancelled payment's button is gone: the focus goes to the section that says what happened
  useEffect(() => {
    if (notice !== null) title.current?.focus();
  }, [notice]);
  return (
    <section aria-labelledby="payments" className="section">
      <h2 id="payments" tabIndex={-1} ref={title}>
        {t("fundCalls.payments")}
      </h2>
      <SaveNotice saved={notice !== null} message={notice ?? ""} />
      {payments.length === 0 ? (
        <p>{t("fundCalls.noPayments")}</p>
      ) : (
        <CaptionedTable caption={t("fundCalls.payments")} className="table table--compact" hideCaption>
          <thead>
            <tr>
              <th scope="col">{t("fundCalls.paidOn")}</th>
              <th scope="col">{t("common.member")}</th>
              <th scope="col">{t("fundCalls.reference")}</th>
              <NumHeader>{t("fundCalls.amount")}</NumHeader>
              {canCancel && <ActionsHeader />}
            </tr>
          </thead>
          <tbody>
            {payments.map((p) => (
              <tr key={p.id}>
                <td>
                  <DateText value={p.paidOn} />
                </td>
                <th scope="row">{memberName(p.memberId)}</th>
                <td>{p.reference ?? "—"}</td>
                <EurosCell value={p.amount} />
                {canCancel && (
                  <td>
                    <RowButton
                      label={t("fundCalls.cancelPayment")}
                      context={` — ${memberName(p.memberId)}, ${formatEuros(p.amount, locale)}, ${formatLongDate(p.paidOn, locale)}`}
                      aria-haspopup="dialog"
                      onClick={() => onCancel(p.id)}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </CaptionedTable>
      )}
    </section>
  );
}
