import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AmendingComparison } from "../../../../../src/finance/contracts/amending-api.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { appPath } from "../../../shared/app-path.ts";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { YearSelect } from "../../../shared/components/year-select.tsx";
import { useYearParam } from "../../../shared/hooks/use-year-param.ts";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { canIssueFundCalls, useAccount } from "../../access/index.ts";
import { BudgetStatusBadge } from "../components/status-badge.tsx";
import { exerciseYears, useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import { AmendingLinesTable, AmendingMembersTable } from "./amending-tables.tsx";
import { CorrectionsIssueForm } from "./corrections-issue-form.tsx";
import { DeliberationDownloads } from "./deliberation-downloads.tsx";

/**
 * The year's amending budget (décision modificative) beside the adopted budget, for the
 * secretariat: lines and each member's contribution with their difference; a link to edit the
 * draft's lines; once adopted, the issue of its complementary calls and reductions.
 */
export function AmendingBudgetPage() {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const account = useAccount();
  const years = exerciseYears(entente);
  const [year, setYear] = useYearParam(years[0] ?? null);
  const view = useResource(
    year === null ? null : financePaths.amendingBudget(entente.id, year),
    AmendingComparison,
  );
  const data = view.data;
  return (
    <>
      <PageHeader title={year === null ? t("amending.title") : t("amending.titleYear", { year })}>
        {year !== null && <YearSelect years={years} value={year} onChange={setYear} />}
      </PageHeader>
      <p className="hint">{t("amending.intro")}</p>
      <ResourceStatus resource={view} />
      {data !== undefined && (
        <>
          <p className="meta">
            {t("amending.versions", {
              amended: data.amended.label,
              status: t(`budgetStatus.${data.amended.status}`),
              adopted: data.adopted.label,
            })}{" "}
            <BudgetStatusBadge status={data.amended.status} />
          </p>
          {data.amended.status === "draft" && (
            <p>
              <Link to={`${appPath(entente.id, "budget")}?year=${data.year}`}>{t("amending.editLines")}</Link>
            </p>
          )}
          {data.amended.status !== "adopted" && (
            <p className="hint">{t("amending.adoptHint", { year: data.year })}</p>
          )}
          <AmendingLinesTable view={data} />
          <AmendingMembersTable view={data} />
          {data.problems.map((p) => (
            <p key={p.code} className="alert">
              {p.message}
            </p>
          ))}
          {data.problems.length === 0 && (
            <DeliberationDownloads
              year={data.year}
              members={[...new Set(data.members.map((m) => m.memberId))]}
            />
          )}
          {data.amended.status === "adopted" && canIssueFundCalls(account) && (
            <CorrectionsIssueForm year={data.year} budgetNumber={data.amended.number} />
          )}
        </>
      )}
    </>
  );
}
