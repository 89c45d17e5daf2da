import { useTranslation } from "react-i18next";
import { z } from "zod";
import { BudgetVersion as BudgetVersionSchema } from "../../../../../src/finance/contracts/api.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { SaveNotice } from "../../../shared/components/save-notice.tsx";
import { YearSelect } from "../../../shared/components/year-select.tsx";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useYearParam } from "../../../shared/hooks/use-year-param.ts";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { canEditBudget, useAccount } from "../../access/index.ts";
import { BudgetStatusBadge } from "../components/status-badge.tsx";
import { exerciseYears, useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { BudgetVersion } from "../finance-types.ts";
import { BudgetEditor } from "./budget-editor.tsx";
import { OpenExerciseForm } from "./open-exercise-form.tsx";

/** The year's budget lines (budget primitif), edited with a live balance per section. */
export function BudgetPage() {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const years = exerciseYears(entente);
  const [year, setYear] = useYearParam(years[0] ?? null);
  const budget = useResource(
    year === null ? null : financePaths.budget(entente.id, year),
    BudgetVersionSchema,
  );
  const data = budget.data;
  return (
    <>
      <PageHeader title={year === null ? t("budget.title") : t("budget.titleYear", { year })}>
        {year !== null && <YearSelect years={years} value={year} onChange={setYear} />}
      </PageHeader>
      {year === null && <p>{t("budget.noExercise")}</p>}
      {year !== null && year === years[0] && <OpenExerciseForm from={year} onOpened={setYear} />}
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
      api.send("POST", financePaths.budgetVersions(entente.id, budget.year), undefined, BudgetVersionSchema),
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
