import { useTranslation } from "react-i18next";
import { z } from "zod";
import { BudgetVersion as BudgetVersionSchema } from "../../../src/finance/contracts/api.ts";
import { apiPaths } from "../api/paths.ts";
import type { BudgetVersion } from "../api/types.ts";
import { useResource } from "../api/use-resource.ts";
import { BudgetEditor } from "../components/budget-editor.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { ProblemAlert } from "../components/problem-alert.tsx";
import { ResourceStatus } from "../components/resource-status.tsx";
import { SaveNotice } from "../components/save-notice.tsx";
import { BudgetStatusBadge } from "../components/status-badge.tsx";
import { useSubmit } from "../components/use-submit.ts";
import { useYearParam } from "../components/use-year-param.ts";
import { YearSelect } from "../components/year-select.tsx";
import { exerciseYears, useEntente } from "../session/entente-context.tsx";
import { canEditBudget } from "../session/permissions.ts";
import { useAccount, useApi } from "../session/session-context.tsx";

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
          <AmendBudget key={data.year} budget={data} onOpened={budget.setData} onReload={budget.reload} />
          <BudgetEditor key={data.id} budget={data} onSaved={budget.setData} onReload={budget.reload} />
        </>
      )}
    </>
  );
}

/**
 * « Ouvrir une décision modificative »: on an adopted budget, the secretariat opens a new draft
 * version (number + 1) from its lines; the editor below then shows that draft.
 */
function AmendBudget({
  budget,
  onOpened,
  onReload,
}: {
  budget: BudgetVersion;
  onOpened: (draft: BudgetVersion) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const account = useAccount();
  const { entente } = useEntente();
  const submit = useSubmit();
  const opened = submit.saved && budget.status === "draft";
  if (!canEditBudget(account) || (budget.status !== "adopted" && !opened)) return null;
  const open = async () => {
    const draft = await submit.run(z.undefined(), undefined, () =>
      api.send("POST", apiPaths.budgetVersions(entente.id, budget.year), undefined, BudgetVersionSchema),
    );
    if (draft !== undefined) onOpened(draft);
  };
  return (
    <div className="amend">
      <ProblemAlert error={submit.error} onReload={onReload} />
      {budget.status === "adopted" && (
        <>
          <p className="hint" id="amend-hint">
            {t("budget.amendHint")}
          </p>
          <button
            type="button"
            className="button button--secondary"
            aria-describedby="amend-hint"
            disabled={submit.saving}
            onClick={() => void open()}
          >
            {submit.saving ? t("budget.amending") : t("budget.amend")}
          </button>
        </>
      )}
      <SaveNotice saved={opened} message={t("budget.amended", { number: budget.number })} />
    </div>
  );
}
