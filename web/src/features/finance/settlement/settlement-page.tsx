import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { Settlement as SettlementSchema } from "../../../../../src/finance/contracts/api.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { appPath } from "../../../shared/app-path.ts";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { YearSelect } from "../../../shared/components/year-select.tsx";
import { KEEP_FOCUS } from "../../../shared/layout/layout.tsx";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { BudgetStatusBadge } from "../components/status-badge.tsx";
import { exerciseYears, useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { BudgetStatus, EntenteDetail } from "../finance-types.ts";
import { SettlementEditor } from "./settlement-editor.tsx";

/** The exercise's budget as the entente lists it: its latest version (the one the server checks). */
function latestVersion(entente: EntenteDetail, year: number | null) {
  const versions = entente.exercises.find((e) => e.year === year)?.versions ?? [];
  return versions.reduce<(typeof versions)[number] | null>(
    (latest, v) => (latest === null || v.number > latest.number ? v : latest),
    null,
  );
}

/**
 * The advances (avances) and adjustments (régularisations) of one exercise, at
 * /ententes/:id/settlement/:year (the latest exercise without a year). They are edited like the
 * budget — by the secretariat, while the exercise's budget is a draft — and read by everyone.
 */
export function SettlementPage() {
  const { t } = useTranslation();
  const { entente, reload: reloadEntente } = useEntente();
  const navigate = useNavigate();
  const years = exerciseYears(entente);
  const { year: yearParam } = useParams();
  const year = yearParam !== undefined && /^\d{4}$/.test(yearParam) ? Number(yearParam) : (years[0] ?? null);
  // another year is another URL (shareable), but the same page: focus stays on the select
  const setYear = (y: number) =>
    void navigate(appPath(entente.id, "settlement", String(y)), { replace: true, state: KEEP_FOCUS });
  const settlement = useResource(
    year === null ? null : financePaths.settlement(entente.id, year),
    SettlementSchema,
  );
  const exercise = entente.exercises.find((e) => e.year === year);
  const budget = latestVersion(entente, year);
  const budgetStatus: BudgetStatus | null = budget?.status ?? null;
  const data = settlement.data;

  return (
    <>
      <PageHeader title={year === null ? t("settlement.title") : t("settlement.titleYear", { year })}>
        {year !== null && <YearSelect years={years} value={year} onChange={setYear} />}
      </PageHeader>
      <div className="lead">
        <p>{t("settlement.advanceIs")}</p>
        <p>{t("settlement.adjustmentIs")}</p>
      </div>
      {year === null && <p>{t("settlement.noExercise")}</p>}
      {exercise !== undefined && (
        <p className="meta">
          {exercise.calledIn !== exercise.year && (
            <>{t("settlement.calledIn", { year: exercise.year, calledIn: exercise.calledIn })} </>
          )}
          {budget !== null && (
            <>
              {t("settlement.budgetOf")} {budget.label} <BudgetStatusBadge status={budget.status} />
            </>
          )}
        </p>
      )}
      <ResourceStatus resource={settlement} />
      {data !== undefined && (
        <SettlementEditor
          key={data.year}
          settlement={data}
          budgetStatus={budgetStatus}
          onSaved={settlement.setData}
          onReload={settlement.reload}
          onBudgetChanged={() => {
            // the budget left the draft status meanwhile: read its new status, show the page read-only
            reloadEntente();
            settlement.reload();
          }}
        />
      )}
    </>
  );
}
