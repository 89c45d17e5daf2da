import { useTranslation } from "react-i18next";
import type { ReportSettlement } from "../../../../../src/finance/contracts/budget-report.ts";
import { sumEuros } from "../../../../../src/shared/money-input.ts";
import { Euros, Percent } from "../../../shared/components/amount.tsx";
import { EurosCell } from "../../../shared/components/euros-cell.tsx";
import { NumHeader } from "../../../shared/components/num-header.tsx";
import { TableWrap } from "../../../shared/components/table-wrap.tsx";
import { useEntente } from "../entente/entente-context.tsx";

/** The seed's "Partenaires" table: an earlier exercise called this year, with its advances and adjustments. */
export function SettlementTable({
  settlement,
  name,
}: {
  settlement: ReportSettlement;
  name: (id: string) => string;
}) {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const keyLabel = (id: string) => entente.keys.find((k) => k.id === id)?.label ?? id;
  const rows = settlement.members;
  const total = (pick: (m: ReportSettlement["members"][number]) => string) => sumEuros(rows.map(pick));
  return (
    <TableWrap label={t("tables.recallCaption", { year: settlement.year, calledIn: settlement.calledIn })}>
      <table className="table">
        <caption>
          {t("tables.recallCaption", { year: settlement.year, calledIn: settlement.calledIn })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("tables.partners")}</th>
            <NumHeader>{t("common.rate")}</NumHeader>
            <NumHeader>{t("tables.contributionOf", { year: settlement.year })}</NumHeader>
            {settlement.adjustments.map((a) => (
              <NumHeader key={a.id}>{a.label}</NumHeader>
            ))}
            <NumHeader>{t("tables.adjustedOf", { year: settlement.year })}</NumHeader>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.member}>
              <th scope="row">{name(m.member)}</th>
              <td className="num">{m.rate === null ? "—" : <Percent value={m.rate} />}</td>
              <EurosCell value={m.contributionTotal} />
              {settlement.adjustments.map((a, i) => (
                <EurosCell key={a.id} value={m.adjustments[i] ?? "0.00"} />
              ))}
              <EurosCell value={m.adjusted} strong />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("common.totalEntente")}</th>
            <td className="num">{rows.some((m) => m.rate !== null) && <Percent value="100" />}</td>
            <EurosCell value={total((m) => m.contributionTotal)} />
            {settlement.adjustments.map((a, i) => (
              <EurosCell key={a.id} value={total((m) => m.adjustments[i] ?? "0.00")} />
            ))}
            <EurosCell value={total((m) => m.adjusted)} strong />
          </tr>
        </tfoot>
      </table>
      {settlement.adjustments
        .filter((a) => a.advance !== undefined)
        .map((a) => (
          <p className="note" key={a.id}>
            {t("tables.advanceNote", {
              label: a.label,
              member: name(a.advance?.member ?? ""),
              key: keyLabel(a.advance?.key ?? ""),
            })}{" "}
            <Euros value={a.advance?.amount ?? "0"} />
          </p>
        ))}
    </TableWrap>
  );
}
