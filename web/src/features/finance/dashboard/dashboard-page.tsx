import { useTranslation } from "react-i18next";
import { Dashboard } from "../../../../../src/finance/contracts/api.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { YearSelect } from "../../../shared/components/year-select.tsx";
import { useYearParam } from "../../../shared/hooks/use-year-param.ts";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import { BudgetByMission } from "./budget-by-mission.tsx";
import { Contributions } from "./contributions.tsx";
import { KeyFigures } from "./key-figures.tsx";

/** A draft budget the reader's role may not see yet (the secretariat prepares it): info, not an error. */
const DRAFT_HIDDEN = "budget.draft_hidden";
/** A budget out of balance: the members' shares cannot be computed. */
const UNBALANCED = "budget.unbalanced";

/** The year at a glance: budget by mission and section, each member's share, ratifications, what is due. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const [year, setYear] = useYearParam(null);
  const dashboard = useResource(financePaths.dashboard(entente.id, year), Dashboard);
  const data = dashboard.data;
  const problems = data?.problems ?? [];
  const draftHidden = problems.find((p) => p.code === DRAFT_HIDDEN);
  const others = problems.filter((p) => p.code !== DRAFT_HIDDEN);
  // an unbalanced budget has no shares: its zeros are "not computable", not "nothing called"
  const computable = !problems.some((p) => p.code === UNBALANCED);
  return (
    <>
      <PageHeader
        title={data === undefined ? t("dashboard.title") : t("dashboard.titleYear", { year: data.year })}
      >
        {data !== undefined && data.years.length > 0 && (
          <YearSelect years={data.years} value={data.year} onChange={setYear} />
        )}
      </PageHeader>
      <ResourceStatus resource={dashboard} />
      {data !== undefined && (
        <>
          {draftHidden !== undefined && (
            // not a failure: the secretariat is preparing the budget, and says so in its message
            <p className="alert alert--info" data-problem={DRAFT_HIDDEN}>
              {draftHidden.message.charAt(0).toUpperCase() + draftHidden.message.slice(1)}
            </p>
          )}
          {others.length > 0 && (
            <div className="alert alert--info">
              <p className="alert__title">{t("dashboard.problems")}</p>
              <ul>
                {others.map((p) => (
                  <li key={`${p.code}:${p.message}`}>{p.message}</li>
                ))}
              </ul>
            </div>
          )}
          <KeyFigures data={data} hidden={draftHidden !== undefined} computable={computable} />
          {draftHidden === undefined && <BudgetByMission data={data} />}
          <Contributions data={data} computable={computable} />
        </>
      )}
    </>
  );
}
