import { useTranslation } from "react-i18next";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { DateText } from "../../../shared/components/date-text.tsx";
import { EurosCell } from "../../../shared/components/euros-cell.tsx";
import { NumHeader } from "../../../shared/components/num-header.tsx";
import { useEntente } from "../entente/entente-context.tsx";
import type { FundCall } from "../finance-types.ts";

/** The trop-perçus refunded against the year's calls (mandats de remboursement), newest first; nothing when none. */
export function RefundsSection({ calls }: { calls: readonly FundCall[] }) {
  const { t } = useTranslation();
  const { memberName } = useEntente();
  const refunds = calls
    .flatMap((c) => c.refunds.map((r) => ({ ...r, memberId: c.memberId })))
    .sort((a, b) => b.refundedOn.localeCompare(a.refundedOn));
  if (refunds.length === 0) return null;
  return (
    <section aria-labelledby="refunds" className="section">
      <h2 id="refunds">{t("fundCalls.refunds")}</h2>
      <CaptionedTable caption={t("fundCalls.refunds")} className="table table--compact" hideCaption>
        <thead>
          <tr>
            <th scope="col">{t("fundCalls.refundedOn")}</th>
            <th scope="col">{t("common.member")}</th>
            <th scope="col">{t("fundCalls.refundReference")}</th>
            <NumHeader>{t("fundCalls.amount")}</NumHeader>
          </tr>
        </thead>
        <tbody>
          {refunds.map((r) => (
            <tr key={r.id}>
              <td>
                <DateText value={r.refundedOn} />
              </td>
              <th scope="row">{memberName(r.memberId)}</th>
              <td>{r.reference}</td>
              <EurosCell value={r.amount} />
            </tr>
          ))}
        </tbody>
      </CaptionedTable>
    </section>
  );
}
