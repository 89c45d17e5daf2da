import { useTranslation } from "react-i18next";
import type { BudgetReportJson } from "../../../../../src/finance/contracts/budget-report.ts";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { EurosCell } from "../../../shared/components/euros-cell.tsx";
import { NumHeader } from "../../../shared/components/num-header.tsx";
import { CurrentOfHeader } from "../components/current-of-header.tsx";
import { SectionEurosCells } from "../components/section-euros-cells.tsx";
import { SectionHeaderCells } from "../components/section-header-cells.tsx";

/** What each member is called for in the report's year: the year's own budget per section, recalls, adjustments, total. */
export function ReportFundCallsTable({
  report,
  name,
}: {
  report: BudgetReportJson;
  name: (id: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <CaptionedTable caption={t("tables.fundCalls", { year: report.year })} className="table" hideCaption>
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>
            {t("common.member")}
          </th>
          <CurrentOfHeader year={report.year} />
          <NumHeader rowSpan={2}>{t("dashboard.recall")}</NumHeader>
          <NumHeader rowSpan={2}>{t("dashboard.adjustments")}</NumHeader>
          <NumHeader rowSpan={2}>{t("dashboard.called")}</NumHeader>
        </tr>
        <tr>
          <SectionHeaderCells />
        </tr>
      </thead>
      <tbody>
        {report.fundCalls.map((f) => (
          <tr key={f.member}>
            <th scope="row">{name(f.member)}</th>
            <SectionEurosCells value={(sec) => f.current[sec]} />
            <EurosCell value={f.recall} />
            <EurosCell value={f.adjustments} />
            <EurosCell value={f.total} strong />
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t("common.totalEntente")}</th>
          <SectionEurosCells value={(sec) => report.fundCallTotals.current[sec]} />
          <EurosCell value={report.fundCallTotals.recall} />
          <EurosCell value={report.fundCallTotals.adjustments} />
          <EurosCell value={report.fundCallTotals.total} strong />
        </tr>
      </tfoot>
    </CaptionedTable>
  );
}
