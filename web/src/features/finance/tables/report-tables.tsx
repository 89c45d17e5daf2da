import { useTranslation } from "react-i18next";
import type { BudgetReportJson } from "../../../../../src/finance/contracts/budget-report.ts";
import { AllocationTable } from "./allocation-table.tsx";
import { ReportFundCallsTable } from "./report-fund-calls-table.tsx";
import { SettlementTable } from "./settlement-table.tsx";

/**
 * The report's tables as in the deliberation: the year's allocation by key and section with its
 * rounding rule, the recalls of earlier exercises called this year, and the fund calls.
 * `calledIn` is the year the exercise is called in, when later than its own.
 */
export function ReportTables({
  report,
  calledIn,
}: {
  report: BudgetReportJson;
  calledIn: number | undefined;
}) {
  const { t } = useTranslation();
  const name = (id: string) => report.members.find((m) => m.id === id)?.name ?? id;
  const recalls = report.settlements.filter((s) => s.year !== report.year);
  return (
    <>
      <section aria-labelledby="allocation" className="section">
        <h2 id="allocation">{t("tables.allocation")}</h2>
        {report.allocation.allocations.length === 0 && (
          <p>{t("tables.noAllocation", { year: report.year })}</p>
        )}
        {report.allocation.allocations.map((a) => (
          <AllocationTable
            key={`${a.key}-${a.section}`}
            allocation={a}
            year={report.allocation.year}
            name={name}
          />
        ))}
        <p className="note">
          {t("tables.roundingRule", {
            unit: t(report.rounding.unit === "euro" ? "tables.toEuro" : "tables.toCent"),
            order: report.rounding.tieBreak.map(name).join(", "),
          })}
        </p>
      </section>
      <section aria-labelledby="recalls" className="section">
        <h2 id="recalls">{t("tables.recalls")}</h2>
        {recalls.length === 0 && <p>{t("tables.noRecall")}</p>}
        {recalls.map((s) => (
          <SettlementTable key={s.year} settlement={s} name={name} />
        ))}
      </section>
      <section aria-labelledby="fund-calls" className="section">
        <h2 id="fund-calls">{t("tables.fundCalls", { year: report.year })}</h2>
        {(calledIn ?? report.year) > report.year && (
          <p className="note">{t("tables.calledLater", { year: report.year, calledIn })}</p>
        )}
        <ReportFundCallsTable report={report} name={name} />
      </section>
    </>
  );
}
