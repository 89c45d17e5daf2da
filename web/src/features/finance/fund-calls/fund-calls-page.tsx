import { useTranslation } from "react-i18next";
import { FundCall as FundCallSchema } from "../../../../../src/finance/contracts/api.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { YearSelect } from "../../../shared/components/year-select.tsx";
import { useYearParam } from "../../../shared/hooks/use-year-param.ts";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { canIssueFundCalls, useAccount } from "../../access/index.ts";
import { reportYears, useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import { FundCallIssueForm } from "./fund-call-issue-form.tsx";
import { FundCallsTable } from "./fund-calls-table.tsx";
import { PaymentCancelDialog } from "./payment-cancel-dialog.tsx";
import { PaymentForm } from "./payment-form.tsx";
import { PaymentsSection } from "./payments-section.tsx";
import { RefundForm } from "./refund-form.tsx";
import { RefundsSection } from "./refunds-section.tsx";
import { useFundCallActions } from "./use-fund-call-actions.ts";

const FundCalls = FundCallSchema.array();

/** The year's fund calls (appels de fonds): issue them, follow each member's payments. */
export function FundCallsPage() {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const account = useAccount();
  const years = reportYears(entente);
  const [year, setYear] = useYearParam(years[0] ?? null);
  const calls = useResource(year === null ? null : financePaths.fundCalls(entente.id, year), FundCalls);
  const data = calls.data;
  const actions = useFundCallActions(data, calls.setData);
  const { payingCall, cancellingCall, cancellingPayment } = actions;
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
          <FundCallsTable
            calls={data}
            year={year}
            paying={actions.paying}
            onPay={actions.togglePaying}
            refunding={actions.refunding}
            onRefund={actions.toggleRefunding}
          />
          <div id="payment-form">
            {payingCall !== undefined && year !== null && (
              <PaymentForm
                key={payingCall.id}
                year={year}
                call={payingCall}
                onSaved={actions.paid}
                onCancel={actions.closePayment}
              />
            )}
          </div>
          <div id="refund-form">
            {actions.refundingCall !== undefined && year !== null && (
              <RefundForm
                key={actions.refundingCall.id}
                year={year}
                call={actions.refundingCall}
                onSaved={actions.refunded}
                onCancel={actions.closeRefund}
              />
            )}
          </div>
          <PaymentsSection calls={data} notice={actions.cancelled} onCancel={actions.askCancel} />
          <RefundsSection calls={data} />
          {cancellingCall !== undefined && cancellingPayment !== undefined && (
            <PaymentCancelDialog
              key={cancellingPayment.id}
              call={cancellingCall}
              payment={cancellingPayment}
              onCancelled={actions.cancelledPayment}
              onClose={actions.closeCancel}
            />
          )}
        </>
      )}
    </>
  );
}
