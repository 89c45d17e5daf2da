import { useTranslation } from "react-i18next";
import { sumEuros } from "../../../../../src/shared/money-input.ts";
import { ActionsHeader } from "../../../shared/components/actions-header.tsx";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { EurosCell } from "../../../shared/components/euros-cell.tsx";
import { NumHeader } from "../../../shared/components/num-header.tsx";
import type { FundCall } from "../finance-types.ts";
import { FundCallRow } from "./fund-call-row.tsx";

/** The year's fund calls, one row per member, with the entente's totals (exact sums of the amounts). */
export function FundCallsTable({
  calls,
  year,
  paying,
  onPay,
  refunding = null,
  onRefund,
}: {
  calls: readonly FundCall[];
  year: number | null;
  /** The member whose payment form is open, if any. */
  paying: string | null;
  onPay: (memberId: string) => void;
  /** The member whose refund form is open, if any. */
  refunding?: string | null;
  onRefund?: (memberId: string) => void;
}) {
  const { t } = useTranslation();
  return (
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
        {calls.map((c) => (
          <FundCallRow
            key={c.id}
            call={c}
            paying={paying === c.memberId}
            onPay={() => onPay(c.memberId)}
            refunding={refunding === c.memberId}
            {...(onRefund === undefined ? {} : { onRefund: () => onRefund(c.memberId) })}
          />
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t("common.totalEntente")}</th>
          <td />
          <td />
          <EurosCell value={sumEuros(calls.map((c) => c.called))} />
          <EurosCell value={sumEuros(calls.map((c) => c.paid))} />
          <EurosCell value={sumEuros(calls.map((c) => c.due))} strong />
          <td />
          <td />
        </tr>
      </tfoot>
    </CaptionedTable>
  );
}
