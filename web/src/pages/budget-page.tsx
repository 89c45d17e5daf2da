import { useTranslation } from "react-i18next";
import { BudgetVersion as BudgetVersionSchema } from "../../../src/contracts/api.ts";
import { apiPaths } from "../api/paths.ts";
import { useResource } from "../api/use-resource.ts";
import { BudgetEditor } from "../components/budget-editor.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { ResourceStatus } from "../components/resource-status.tsx";
import { BudgetStatusBadge } from "../components/status-badge.tsx";
import { useYearParam } from "../components/use-year-param.ts";
import { YearSelect } from "../components/year-select.tsx";
import { exerciseYears, useEntente } from "../session/entente-context.tsx";

/** The year's budget lines (budget primitif), edited with a live balance per section. */
export function BudgetPage() {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const years = exerciseYears(entente);
  const [year, setYear] = useYearParam(years[0] ?? null);
  const budget = useResource(year === null ? null : apiPaths.budget(entente.id, year), BudgetVersionSchema);
  const data = budget.data;
  return (
    <>
      <PageHeader title={year === null ? t("budget.title") : t("budget.titleYear", { year })}>
        {year !== null && <YearSelect years={years} value={year} onChange={setYear} />}
      </PageHeader>
      {year === null && <p>{t("budget.noExercise")}</p>}
      <ResourceStatus resource={budget} />
      {data !== undefined && (
        <>
          <p className="meta">
            {data.label} <BudgetStatusBadge status={data.status} />
          </p>
          <BudgetEditor key={data.id} budget={data} onSaved={budget.setData} onReload={budget.reload} />
        </>
      )}
    </>
  );
}
