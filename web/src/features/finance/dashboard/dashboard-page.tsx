import { useTranslation } from "react-i18next";
import { Dashboard } from "../../../../../src/finance/contracts/api.ts";
import { sumEuros } from "../../../../../src/shared/money-input.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { Euros, Percent } from "../../../shared/components/amount.tsx";
import { BarChartFigure } from "../../../shared/components/bar-chart-figure.tsx";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { EurosCell } from "../../../shared/components/euros-cell.tsx";
import { NumHeader } from "../../../shared/components/num-header.tsx";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { YearSelect } from "../../../shared/components/year-select.tsx";
import { useYearParam } from "../../../shared/hooks/use-year-param.ts";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { CurrentOfHeader } from "../components/current-of-header.tsx";
import { SectionEurosCells } from "../components/section-euros-cells.tsx";
import { SectionHeaderCells } from "../components/section-header-cells.tsx";
import { BudgetStatusBadge, RatificationBadge } from "../components/status-badge.tsx";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import { type Dashboard as DashboardData, SECTIONS, type Section } from "../finance-types.ts";

const COLORS = {
  investissement: "#000091",
  fonctionnement: "#6a6af4",
  total: "#000091",
  paid: "#18753c",
  due: "#b34000",
};

/** A draft budget the reader's role may not see yet (the secretariat prepares it): info, not an error. */
const DRAFT_HIDDEN = "budget.draft_hidden";
/** A budget out of balance: the members' shares cannot be computed. */
const UNBALANCED = "budget.unbalanced";

/** "—", read as « non calculable »: a figure that cannot be computed is not 0,00 €. */
function NotComputable({ visible = false }: { visible?: boolean }) {
  const { t } = useTranslation();
  return visible ? (
    <span className="not-computable">— {t("dashboard.notComputable")}</span>
  ) : (
    <span className="not-computable" title={t("dashboard.notComputable")}>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t("dashboard.notComputable")}</span>
    </span>
  );
}

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

function KeyFigures({
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

function BudgetByMission({ data }: { data: DashboardData }) {
  const { t } = useTranslation();
  const general = t("common.general");
  const rows = data.byMission.map((m) => ({
    name: m.missionId === null ? general : m.name,
    values: { investissement: m.investissement, fonctionnement: m.fonctionnement },
  }));
  return (
    <section aria-labelledby="by-mission" className="section">
      <h2 id="by-mission">{t("dashboard.byMission")}</h2>
      {rows.length === 0 ? (
        <p>{t("dashboard.noLines")}</p>
      ) : (
        <>
          <BarChartFigure
            id="chart-by-mission"
            title={t("dashboard.byMissionChart", { year: data.year })}
            rows={rows}
            series={SECTIONS.map((s) => ({ key: s, label: t(`sections.${s}`), color: COLORS[s] }))}
            tableId="table-by-mission"
          />
          <CaptionedTable
            caption={t("dashboard.byMissionTable", { year: data.year })}
            className="table"
            id="table-by-mission"
          >
            <thead>
              <tr>
                <th scope="col">{t("common.mission")}</th>
                <SectionHeaderCells />
                <NumHeader>{t("common.total")}</NumHeader>
              </tr>
            </thead>
            <tbody>
              {data.byMission.map((m, i) => (
                <SectionsRow
                  key={m.missionId ?? `general-${i}`}
                  label={m.missionId === null ? general : m.name}
                  values={m}
                />
              ))}
            </tbody>
            <tfoot>
              <SectionsRow label={t("dashboard.totalExpenses")} values={data.totals.expenses} />
              <SectionsRow label={t("dashboard.totalReceipts")} values={data.totals.receipts} />
              <SectionsRow label={t("dashboard.balance")} values={data.totals.balance} />
            </tfoot>
          </CaptionedTable>
        </>
      )}
    </section>
  );
}

function Contributions({ data, computable }: { data: DashboardData; computable: boolean }) {
  const { t } = useTranslation();
  const members = data.members;
  const total = (pick: (m: DashboardData["members"][number]) => string) => sumEuros(members.map(pick));
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
      <CaptionedTable
        caption={t("dashboard.contributionsTable", { year: data.year })}
        className="table table--dense"
        id="table-contributions"
      >
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {t("common.member")}
            </th>
            <NumHeader rowSpan={2}>{t("common.rate")}</NumHeader>
            <CurrentOfHeader year={data.year} />
            <NumHeader rowSpan={2}>{t("dashboard.recall")}</NumHeader>
            <NumHeader rowSpan={2}>{t("dashboard.adjustments")}</NumHeader>
            <NumHeader rowSpan={2}>{t("dashboard.called")}</NumHeader>
            <NumHeader rowSpan={2}>{t("dashboard.paid")}</NumHeader>
            <NumHeader rowSpan={2}>{t("dashboard.due")}</NumHeader>
            <th scope="col" rowSpan={2}>
              {t("dashboard.deliberation")}
            </th>
          </tr>
          <tr>
            <SectionHeaderCells />
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.memberId}>
              <th scope="row">{m.name}</th>
              <td className="num">{m.rate === null ? "—" : <Percent value={m.rate} />}</td>
              <SectionEurosCells value={(s) => m.current[s]} />
              <EurosCell value={m.recall} />
              <EurosCell value={m.adjustments} />
              <td className="num strong">{computable ? <Euros value={m.total} /> : <NotComputable />}</td>
              <EurosCell value={m.paid} />
              <EurosCell value={m.due} />
              <td>{m.ratification === null ? "—" : <RatificationBadge status={m.ratification} />}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("common.totalEntente")}</th>
            <td />
            <SectionEurosCells value={(s) => total((m) => m.current[s])} />
            <EurosCell value={total((m) => m.recall)} />
            <EurosCell value={total((m) => m.adjustments)} />
            <td className="num strong">
              {computable ? <Euros value={data.fundCallTotal} /> : <NotComputable />}
            </td>
            <EurosCell value={total((m) => m.paid)} />
            <EurosCell value={total((m) => m.due)} />
            <td>{t("dashboard.ratifiedShort", { done: data.ratified.done, of: data.ratified.of })}</td>
          </tr>
        </tfoot>
      </CaptionedTable>
    </section>
  );
}

/** A row of per-section amounts, headed by its label, with their sum in the last cell. */
function SectionsRow({ label, values }: { label: string; values: Record<Section, string> }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <SectionEurosCells value={(s) => values[s]} />
      <EurosCell value={sumEuros(SECTIONS.map((s) => values[s]))} />
    </tr>
  );
}
