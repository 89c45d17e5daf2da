import { useTranslation } from "react-i18next";
import { Euros } from "../../../shared/components/amount.tsx";
import { BudgetStatusBadge } from "../components/status-badge.tsx";
import { type Dashboard as DashboardData, SECTIONS } from "../finance-types.ts";
import { NotComputable } from "./not-computable.tsx";

/** The year in four figures: the budget's status, ratifications, expenses per section (unless hidden), total called. */
export function KeyFigures({
  data,
  hidden,
  computable,
}: {
  data: DashboardData;
  /** The budget's figures are not shown to this role yet (draft): no zero totals. */
  hidden: boolean;
  computable: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="key-figures" className="key-figures">
      <h2 id="key-figures" className="visually-hidden">
        {t("dashboard.keyFigures")}
      </h2>
      <dl className="figures">
        <div className="figure">
          <dt>{t("dashboard.budgetStatus")}</dt>
          <dd>
            {data.budget === null ? (
              t("dashboard.noBudget")
            ) : (
              <>
                <BudgetStatusBadge status={data.budget.status} />{" "}
                <span className="figure__note">{data.budget.label}</span>
              </>
            )}
          </dd>
        </div>
        <div className="figure">
          <dt>{t("dashboard.ratifications")}</dt>
          <dd>
            {t("dashboard.ratifiedOf", {
              done: data.ratified.done,
              of: data.ratified.of,
              count: data.ratified.of,
            })}
          </dd>
        </div>
        {SECTIONS.filter(() => !hidden).map((s) => (
          <div className="figure" key={s}>
            <dt>{t("dashboard.expensesOf", { section: t(`sections.${s}`) })}</dt>
            <dd>
              <Euros value={data.totals.expenses[s]} />
            </dd>
          </div>
        ))}
        <div className="figure">
          <dt>{t("dashboard.totalCalled")}</dt>
          <dd>{computable ? <Euros value={data.fundCallTotal} /> : <NotComputable visible />}</dd>
        </div>
      </dl>
    </section>
  );
}
