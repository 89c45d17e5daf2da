import { useTranslation } from "react-i18next";
import { sumEuros } from "../../../../../src/shared/money-input.ts";
import { Euros, Percent } from "../../../shared/components/amount.tsx";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { EurosCell } from "../../../shared/components/euros-cell.tsx";
import { NumHeader } from "../../../shared/components/num-header.tsx";
import { CurrentOfHeader } from "../components/current-of-header.tsx";
import { SectionEurosCells } from "../components/section-euros-cells.tsx";
import { SectionHeaderCells } from "../components/section-header-cells.tsx";
import { RatificationBadge } from "../components/status-badge.tsx";
import type { Dashboard as DashboardData } from "../finance-types.ts";
import { NotComputable } from "./not-computable.tsx";

/**
 * Each member's contribution of the year as a table: rate, the year's own budget per section,
 * recalls, adjustments, total called (« non calculable » while the budget is out of balance),
 * paid, due, and its assembly's deliberation; the entente's totals in the footer.
 */
export function ContributionsTable({ data, computable }: { data: DashboardData; computable: boolean }) {
  const { t } = useTranslation();
  const members = data.members;
  const total = (pick: (m: DashboardData["members"][number]) => string) => sumEuros(members.map(pick));
  return (
    <CaptionedTable
      caption={t("dashboard.contributionsTable", { year: data.year })}
      className="table table--dense"
      id="table-contributions"
    >
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>
            {t("common.member")}
          </th>
          <NumHeader rowSpan={2}>{t("common.rate")}</NumHeader>
          <CurrentOfHeader year={data.year} />
          <NumHeader rowSpan={2}>{t("dashboard.recall")}</NumHeader>
          <NumHeader rowSpan={2}>{t("dashboard.adjustments")}</NumHeader>
          <NumHeader rowSpan={2}>{t("dashboard.called")}</NumHeader>
          <NumHeader rowSpan={2}>{t("dashboard.paid")}</NumHeader>
          <NumHeader rowSpan={2}>{t("dashboard.due")}</NumHeader>
          <th scope="col" rowSpan={2}>
            {t("dashboard.deliberation")}
          </th>
        </tr>
        <tr>
          <SectionHeaderCells />
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr key={m.memberId}>
            <th scope="row">{m.name}</th>
            <td className="num">{m.rate === null ? "—" : <Percent value={m.rate} />}</td>
            <SectionEurosCells value={(s) => m.current[s]} />
            <EurosCell value={m.recall} />
            <EurosCell value={m.adjustments} />
            {/* what was issued (call + complementary calls − reductions): due = called − paid */}
            <td className="num strong">{computable ? <Euros value={m.called} /> : <NotComputable />}</td>
            <EurosCell value={m.paid} />
            <EurosCell value={m.due} />
            <td>{m.ratification === null ? "—" : <RatificationBadge status={m.ratification} />}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t("common.totalEntente")}</th>
          <td />
          <SectionEurosCells value={(s) => total((m) => m.current[s])} />
          <EurosCell value={total((m) => m.recall)} />
          <EurosCell value={total((m) => m.adjustments)} />
          <td className="num strong">
            {computable ? <Euros value={data.calls.called} /> : <NotComputable />}
          </td>
          <EurosCell value={total((m) => m.paid)} />
          <EurosCell value={total((m) => m.due)} />
          <td>{t("dashboard.ratifiedShort", { done: data.ratified.done, of: data.ratified.of })}</td>
        </tr>
      </tfoot>
    </CaptionedTable>
  );
}
