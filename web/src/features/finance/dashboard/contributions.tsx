import { useTranslation } from "react-i18next";
import { BarChartFigure } from "../../../shared/components/bar-chart-figure.tsx";
import { PendingCorrectionsNotice } from "../amending-budget/pending-corrections-notice.tsx";
import type { Dashboard as DashboardData } from "../finance-types.ts";
import { COLORS } from "./chart-colors.ts";
import { ContributionsTable } from "./contributions-table.tsx";

/** What each member is called for and has paid: a chart (when anything is called), then the table of figures. */
export function Contributions({ data, computable }: { data: DashboardData; computable: boolean }) {
  const { t } = useTranslation();
  const members = data.members;
  return (
    <section aria-labelledby="contributions" className="section">
      <h2 id="contributions">{t("dashboard.contributions")}</h2>
      {members.some((m) => m.total !== "0.00" || m.paid !== "0.00") ? (
        <BarChartFigure
          id="chart-contributions"
          title={t("dashboard.contributionsChart", { year: data.year })}
          rows={members.map((m) => ({ name: m.name, values: { total: m.total, paid: m.paid, due: m.due } }))}
          series={[
            { key: "total", label: t("dashboard.called"), color: COLORS.total },
            { key: "paid", label: t("dashboard.paid"), color: COLORS.paid },
            { key: "due", label: t("dashboard.due"), color: COLORS.due },
          ]}
          tableId="table-contributions"
        />
      ) : computable ? (
        <p>{t("dashboard.nothingCalled", { year: data.year })}</p>
      ) : (
        <p>{t("dashboard.sharesNotComputable", { year: data.year })}</p>
      )}
      <ContributionsTable data={data} computable={computable} />
      <PendingCorrectionsNotice
        ententeId={data.entente.id}
        year={data.year}
        pending={data.members.map((m) => m.pending)}
      />
    </section>
  );
}
