import { useTranslation } from "react-i18next";
import { DateText } from "../../../shared/components/date-text.tsx";
import { EurosCell } from "../../../shared/components/euros-cell.tsx";
import { RowButton } from "../../../shared/components/row-button.tsx";
import { canIssueFundCalls, canRecordPayment, useAccount } from "../../access/index.ts";
import { FundCallBadge } from "../components/status-badge.tsx";
import { useEntente } from "../entente/entente-context.tsx";
import type { FundCall } from "../finance-types.ts";

/**
 * One member's fund call as a row: reference, due date, amounts, status, « record a payment » for
 * who may, and « refund the overpayment » for the secretariat when the member paid more than it
 * is called (a negative amount due, after a reduction of the call).
 */
export function FundCallRow({
  call,
  paying,
  onPay,
  refunding = false,
  onRefund,
}: {
  call: FundCall;
  paying: boolean;
  onPay: () => void;
  refunding?: boolean;
  onRefund?: () => void;
}) {
  const { t } = useTranslation();
  const account = useAccount();
  const { memberName } = useEntente();
  return (
    <tr>
      <th scope="row">{memberName(call.memberId)}</th>
      <td>
        {call.reference ?? "—"}
        {call.corrections.map((c) => (
          <span key={c.id} className="meta">
            {" "}
            + {c.reference}
          </span>
        ))}
      </td>
      <td>{call.dueOn === null ? "—" : <DateText value={call.dueOn} />}</td>
      {/* what was called: the call, plus complementary calls, minus reductions (amending budgets) */}
      <EurosCell value={call.called} />
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
        {onRefund !== undefined && canIssueFundCalls(account) && call.due.startsWith("-") && (
          <RowButton
            label={t("fundCalls.recordRefund")}
            context={` — ${memberName(call.memberId)}`}
            aria-expanded={refunding}
            aria-controls="refund-form"
            onClick={onRefund}
          />
        )}
      </td>
    </tr>
  );
}
