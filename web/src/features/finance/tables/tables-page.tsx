import { useTranslation } from "react-i18next";
import { BudgetReportJson } from "../../../../../src/finance/contracts/budget-report.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { YearSelect } from "../../../shared/components/year-select.tsx";
import { useYearParam } from "../../../shared/hooks/use-year-param.ts";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { reportYears, useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import { Downloads } from "./downloads.tsx";
import { ReportTables } from "./report-tables.tsx";

/**
 * Why the tables of `year` cannot be produced: the report answered 422 (a draft out of balance,
 * a rule broken), each problem in words; downloads are then disabled (they would answer 422).
 */
function NotProducible({ year, messages }: { year: number; messages: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="alert alert--error">
      <p className="alert__title">{t("tables.notProducible", { year })}</p>
      <p>{t("tables.notProducibleFix", { year })}</p>
      <ul>
        {messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </div>
  );
}

/** The tables of the budget report, as in the deliberation, and their downloads. */
export function TablesPage() {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const years = reportYears(entente);
  const [year, setYear] = useYearParam(years[0] ?? null);
  const report = useResource(year === null ? null : financePaths.report(entente.id, year), BudgetReportJson);
  // 422: the stored figures break a rule (an unbalanced draft): not a failure of the request.
  const blocked = report.error?.status === 422;
  const calledIn = entente.exercises.find((e) => e.year === year)?.calledIn;
  return (
    <>
      <PageHeader title={year === null ? t("tables.title") : t("tables.titleYear", { year })}>
        {year !== null && <YearSelect years={years} value={year} onChange={setYear} />}
      </PageHeader>
      {year !== null && <Downloads year={year} disabled={blocked} />}
      {year !== null && blocked ? (
        <NotProducible year={year} messages={report.error?.fields.map((f) => f.message) ?? []} />
      ) : (
        <ResourceStatus resource={report} />
      )}
      {report.data !== undefined && <ReportTables report={report.data} calledIn={calledIn} />}
    </>
  );
}
