import { useTranslation } from "react-i18next";
import { BarChartFigure } from "../../../shared/components/bar-chart-figure.tsx";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { NumHeader } from "../../../shared/components/num-header.tsx";
import { SectionHeaderCells } from "../components/section-header-cells.tsx";
import { type Dashboard as DashboardData, SECTIONS } from "../finance-types.ts";
import { COLORS } from "./chart-colors.ts";
import { SectionsRow } from "./sections-row.tsx";

/** The year's budget by mission and section: a chart, and the table that is its text alternative. */
export function BudgetByMission({ data }: { data: DashboardData }) {
  const { t } = useTranslation();
  const general = t("common.general");
  const rows = data.byMission.map((m) => ({
    name: m.missionId === null ? general : m.name,
    values: { investissement: m.investissement, fonctionnement: m.fonctionnement },
  }));
  return (
    <section aria-labelledby="by-mission" className="section">
      <h2 id="by-mission">{t("dashboard.byMission")}</h2>
      {rows.length === 0 ? (
        <p>{t("dashboard.noLines")}</p>
      ) : (
        <>
          <BarChartFigure
            id="chart-by-mission"
            title={t("dashboard.byMissionChart", { year: data.year })}
            rows={rows}
            series={SECTIONS.map((s) => ({ key: s, label: t(`sections.${s}`), color: COLORS[s] }))}
            tableId="table-by-mission"
          />
          <CaptionedTable
            caption={t("dashboard.byMissionTable", { year: data.year })}
            className="table"
            id="table-by-mission"
          >
            <thead>
              <tr>
                <th scope="col">{t("common.mission")}</th>
                <SectionHeaderCells />
                <NumHeader>{t("common.total")}</NumHeader>
              </tr>
            </thead>
            <tbody>
              {data.byMission.map((m, i) => (
                <SectionsRow
                  key={m.missionId ?? `general-${i}`}
                  label={m.missionId === null ? general : m.name}
                  values={m}
                />
              ))}
            </tbody>
            <tfoot>
              <SectionsRow label={t("dashboard.totalExpenses")} values={data.totals.expenses} />
              <SectionsRow label={t("dashboard.totalReceipts")} values={data.totals.receipts} />
              <SectionsRow label={t("dashboard.balance")} values={data.totals.balance} />
            </tfoot>
          </CaptionedTable>
        </>
      )}
    </section>
  );
}
