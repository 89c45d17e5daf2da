import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FundCall as FundCallSchema } from "../../../../../src/finance/contracts/api.ts";
import { sumEuros } from "../../../../../src/shared/money-input.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { ActionsHeader } from "../../../shared/components/actions-header.tsx";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { DateText } from "../../../shared/components/date-text.tsx";
import { EurosCell } from "../../../shared/components/euros-cell.tsx";
import { NumHeader } from "../../../shared/components/num-header.tsx";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { RowButton } from "../../../shared/components/row-button.tsx";
import { SaveNotice } from "../../../shared/components/save-notice.tsx";
import { YearSelect } from "../../../shared/components/year-select.tsx";
import { formatEuros } from "../../../shared/format/format-euros.ts";
import { useYearParam } from "../../../shared/hooks/use-year-param.ts";
import { useLocale } from "../../../shared/i18n/use-locale.ts";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { canCancelPayment, canIssueFundCalls, canRecordPayment, useAccount } from "../../access/index.ts";
import { FundCallBadge } from "../components/status-badge.tsx";
import { reportYears, useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { FundCall } from "../finance-types.ts";
import { FundCallIssueForm } from "./fund-call-issue-form.tsx";
import { type Payment, PaymentCancelDialog } from "./payment-cancel-dialog.tsx";
import { PaymentForm } from "./payment-form.tsx";

const FundCalls = FundCallSchema.array();

/** The year's fund calls (appels de fonds): issue them, follow each member's payments. */
export function FundCallsPage() {
  const { t } = useTranslation();
  const { entente, memberName } = useEntente();
  const account = useAccount();
  const locale = useLocale();
  const years = reportYears(entente);
  const [year, setYear] = useYearParam(years[0] ?? null);
  const calls = useResource(year === null ? null : financePaths.fundCalls(entente.id, year), FundCalls);
  const [paying, setPaying] = useState<string | null>(null);
  // the payment whose cancellation is asked for, and what the last cancellation left due
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState<string | null>(null);
  const data = calls.data;
  const replace = (saved: FundCall) =>
    calls.setData((data ?? []).map((c) => (c.id === saved.id ? saved : c)));
  const payingCall = data?.find((c) => c.memberId === paying);
  const cancellingCall = data?.find((c) => c.payments.some((p) => p.id === cancelling));
  const cancellingPayment = cancellingCall?.payments.find((p) => p.id === cancelling);
  return (
    <>
      <PageHeader title={year === null ? t("fundCalls.title") : t("fundCalls.titleYear", { year })}>
        {year !== null && <YearSelect years={years} value={year} onChange={setYear} />}
      </PageHeader>
      <ResourceStatus resource={calls} />
      {year !== null && data?.length === 0 && (
        <>
          <p>{t("fundCalls.none", { year })}</p>
          {canIssueFundCalls(account) && <FundCallIssueForm year={year} onIssued={calls.setData} />}
        </>
      )}
      {data !== undefined && data.length > 0 && (
        <>
          <CaptionedTable caption={t("fundCalls.caption", { year })} className="table">
            <thead>
              <tr>
                <th scope="col">{t("common.member")}</th>
                <th scope="col">{t("fundCalls.reference")}</th>
                <th scope="col">{t("fundCalls.dueOn")}</th>
                <NumHeader>{t("fundCalls.amount")}</NumHeader>
                <NumHeader>{t("fundCalls.paid")}</NumHeader>
                <NumHeader>{t("fundCalls.due")}</NumHeader>
                <th scope="col">{t("fundCalls.status")}</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {data.map((c) => (
                <FundCallRow
                  key={c.id}
                  call={c}
                  paying={paying === c.memberId}
                  onPay={() => {
                    setCancelled(null);
                    setPaying(paying === c.memberId ? null : c.memberId);
                  }}
                />
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("common.totalEntente")}</th>
                <td />
                <td />
                <EurosCell value={sumEuros(data.map((c) => c.amount))} />
                <EurosCell value={sumEuros(data.map((c) => c.paid))} />
                <EurosCell value={sumEuros(data.map((c) => c.due))} strong />
                <td />
                <td />
              </tr>
            </tfoot>
          </CaptionedTable>
          <div id="payment-form">
            {payingCall !== undefined && year !== null && (
              <PaymentForm
                key={payingCall.id}
                year={year}
                call={payingCall}
                onSaved={(saved) => {
                  replace(saved);
                  setPaying(null);
                }}
                onCancel={() => setPaying(null)}
              />
            )}
          </div>
          <Payments
            calls={data}
            notice={cancelled}
            onCancel={(paymentId) => {
              setCancelled(null);
              setCancelling(paymentId);
            }}
          />
          {cancellingCall !== undefined && cancellingPayment !== undefined && (
            <PaymentCancelDialog
              key={cancellingPayment.id}
              call={cancellingCall}
              payment={cancellingPayment}
              onCancelled={(saved) => {
                replace(saved);
                setCancelling(null);
                setCancelled(
                  t("fundCalls.cancelled", {
                    member: memberName(saved.memberId),
                    due: formatEuros(saved.due, locale),
                  }),
                );
              }}
              onClose={() => setCancelling(null)}
            />
          )}
        </>
      )}
    </>
  );
}

function FundCallRow({ call, paying, onPay }: { call: FundCall; paying: boolean; onPay: () => void }) {
  const { t } = useTranslation();
  const account = useAccount();
  const { memberName } = useEntente();
  return (
    <tr>
      <th scope="row">{memberName(call.memberId)}</th>
      <td>{call.reference ?? "—"}</td>
      <td>{call.dueOn === null ? "—" : <DateText value={call.dueOn} />}</td>
      <EurosCell value={call.amount} />
      <EurosCell value={call.paid} />
      <EurosCell value={call.due} strong />
      <td>
        <FundCallBadge status={call.status} />
      </td>
      <td>
        {canRecordPayment(account, call.memberId) && call.status !== "paid" && (
          <RowButton
            label={t("fundCalls.recordPayment")}
            context={` — ${memberName(call.memberId)}`}
            aria-expanded={paying}
            aria-controls="payment-form"
            onClick={onPay}
          />
        )}
      </td>
    </tr>
  );
}

function Payments({
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
  const longDate = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(iso));
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
                      context={` — ${memberName(p.memberId)}, ${formatEuros(p.amount, locale)}, ${longDate(p.paidOn)}`}
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
