import { useTranslation } from "react-i18next";
import {
  BudgetReportJson,
  type ReportSettlement as Settlement,
} from "../../../../../src/finance/contracts/budget-report.ts";
import { sumEuros } from "../../../../../src/shared/money-input.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { Euros, Percent } from "../../../shared/components/amount.tsx";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { EurosCell } from "../../../shared/components/euros-cell.tsx";
import { ExactEuros } from "../../../shared/components/exact-euros.tsx";
import { NumHeader } from "../../../shared/components/num-header.tsx";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { TableWrap } from "../../../shared/components/table-wrap.tsx";
import { YearSelect } from "../../../shared/components/year-select.tsx";
import { useYearParam } from "../../../shared/hooks/use-year-param.ts";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { CurrentOfHeader } from "../components/current-of-header.tsx";
import { SectionEurosCells } from "../components/section-euros-cells.tsx";
import { SectionHeaderCells } from "../components/section-header-cells.tsx";
import { reportYears, useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";

const FORMATS = ["xlsx", "ods", "csv", "pdf", "md"] as const;

/** The tables of the budget report, as in the deliberation, and their downloads. */
export function TablesPage() {
  const { t, i18n } = useTranslation();
  const { entente } = useEntente();
  const years = reportYears(entente);
  const [year, setYear] = useYearParam(years[0] ?? null);
  const report = useResource(year === null ? null : financePaths.report(entente.id, year), BudgetReportJson);
  const data = report.data;
  const name = (id: string) => data?.members.find((m) => m.id === id)?.name ?? id;
  const calledIn = entente.exercises.find((e) => e.year === year)?.calledIn;
  return (
    <>
      <PageHeader title={year === null ? t("tables.title") : t("tables.titleYear", { year })}>
        {year !== null && <YearSelect years={years} value={year} onChange={setYear} />}
      </PageHeader>
      {year !== null && (
        <section aria-labelledby="downloads" className="section card">
          <h2 id="downloads" className="h3">
            {t("tables.downloads")}
          </h2>
          <ul className="downloads">
            {FORMATS.map((f) => (
              <li key={f}>
                <a
                  className="download"
                  href={`${financePaths.export(entente.id, year, f)}?lang=${i18n.language === "en" ? "en" : "fr"}`}
                  download
                >
                  <span className="download__title">{t(`tables.format.${f}`, { year })}</span>
                  <span className="download__meta">{t(`tables.formatMeta.${f}`)}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ResourceStatus resource={report} />
      {data !== undefined && (
        <>
          <section aria-labelledby="allocation" className="section">
            <h2 id="allocation">{t("tables.allocation")}</h2>
            {data.allocation.allocations.length === 0 && (
              <p>{t("tables.noAllocation", { year: data.year })}</p>
            )}
            {data.allocation.allocations.map((a) => (
              <TableWrap key={`${a.key}-${a.section}`} label={t("tables.allocation")}>
                <table className="table">
                  <caption>
                    {t("tables.allocationCaption", {
                      year: data.allocation.year,
                      key: a.keyLabel,
                      section: t(`sectionsInline.${a.section}`),
                    })}{" "}
                    <Euros value={a.total} />
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("common.member")}</th>
                      <NumHeader>{t("common.rate")}</NumHeader>
                      <NumHeader>{t("tables.exactShare")}</NumHeader>
                      <NumHeader>{t("tables.contribution")}</NumHeader>
                    </tr>
                  </thead>
                  <tbody>
                    {a.shares.map((s) => (
                      <tr key={s.member}>
                        <th scope="row">{name(s.member)}</th>
                        <td className="num">
                          <Percent value={s.percent} />
                        </td>
                        <td className="num">
                          <ExactEuros value={s.exact} />
                        </td>
                        <EurosCell value={s.amount} />
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">{t("common.total")}</th>
                      <td className="num">
                        <Percent value="100" />
                      </td>
                      <td />
                      <EurosCell value={a.total} />
                    </tr>
                  </tfoot>
                </table>
              </TableWrap>
            ))}
            <p className="note">
              {t("tables.roundingRule", {
                unit: t(data.rounding.unit === "euro" ? "tables.toEuro" : "tables.toCent"),
                order: data.rounding.tieBreak.map(name).join(", "),
              })}
            </p>
          </section>
          <section aria-labelledby="recalls" className="section">
            <h2 id="recalls">{t("tables.recalls")}</h2>
            {data.settlements.filter((s) => s.year !== data.year).length === 0 && (
              <p>{t("tables.noRecall")}</p>
            )}
            {data.settlements
              .filter((s) => s.year !== data.year)
              .map((s) => (
                <SettlementTable key={s.year} settlement={s} name={name} />
              ))}
          </section>
          <section aria-labelledby="fund-calls" className="section">
            <h2 id="fund-calls">{t("tables.fundCalls", { year: data.year })}</h2>
            {(calledIn ?? data.year) > data.year && (
              <p className="note">{t("tables.calledLater", { year: data.year, calledIn })}</p>
            )}
            <CaptionedTable
              caption={t("tables.fundCalls", { year: data.year })}
              className="table"
              hideCaption
            >
              <thead>
                <tr>
                  <th scope="col" rowSpan={2}>
                    {t("common.member")}
                  </th>
                  <CurrentOfHeader year={data.year} />
                  <NumHeader rowSpan={2}>{t("dashboard.recall")}</NumHeader>
                  <NumHeader rowSpan={2}>{t("dashboard.adjustments")}</NumHeader>
                  <NumHeader rowSpan={2}>{t("dashboard.called")}</NumHeader>
                </tr>
                <tr>
                  <SectionHeaderCells />
                </tr>
              </thead>
              <tbody>
                {data.fundCalls.map((f) => (
                  <tr key={f.member}>
                    <th scope="row">{name(f.member)}</th>
                    <SectionEurosCells value={(sec) => f.current[sec]} />
                    <EurosCell value={f.recall} />
                    <EurosCell value={f.adjustments} />
                    <EurosCell value={f.total} strong />
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t("common.totalEntente")}</th>
                  <SectionEurosCells value={(sec) => data.fundCallTotals.current[sec]} />
                  <EurosCell value={data.fundCallTotals.recall} />
                  <EurosCell value={data.fundCallTotals.adjustments} />
                  <EurosCell value={data.fundCallTotals.total} strong />
                </tr>
              </tfoot>
            </CaptionedTable>
          </section>
        </>
      )}
    </>
  );
}

/** The seed's "Partenaires" table: an earlier exercise called this year, with its advances and adjustments. */
function SettlementTable({ settlement, name }: { settlement: Settlement; name: (id: string) => string }) {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const keyLabel = (id: string) => entente.keys.find((k) => k.id === id)?.label ?? id;
  const rows = settlement.members;
  const total = (pick: (m: Settlement["members"][number]) => string) => sumEuros(rows.map(pick));
  return (
    <TableWrap label={t("tables.recallCaption", { year: settlement.year, calledIn: settlement.calledIn })}>
      <table className="table">
        <caption>
          {t("tables.recallCaption", { year: settlement.year, calledIn: settlement.calledIn })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("tables.partners")}</th>
            <NumHeader>{t("common.rate")}</NumHeader>
            <NumHeader>{t("tables.contributionOf", { year: settlement.year })}</NumHeader>
            {settlement.adjustments.map((a) => (
              <NumHeader key={a.id}>{a.label}</NumHeader>
            ))}
            <NumHeader>{t("tables.adjustedOf", { year: settlement.year })}</NumHeader>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.member}>
              <th scope="row">{name(m.member)}</th>
              <td className="num">{m.rate === null ? "—" : <Percent value={m.rate} />}</td>
              <EurosCell value={m.contributionTotal} />
              {settlement.adjustments.map((a, i) => (
                <EurosCell key={a.id} value={m.adjustments[i] ?? "0.00"} />
              ))}
              <EurosCell value={m.adjusted} strong />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("common.totalEntente")}</th>
            <td className="num">{rows.some((m) => m.rate !== null) && <Percent value="100" />}</td>
            <EurosCell value={total((m) => m.contributionTotal)} />
            {settlement.adjustments.map((a, i) => (
              <EurosCell key={a.id} value={total((m) => m.adjustments[i] ?? "0.00")} />
            ))}
            <EurosCell value={total((m) => m.adjusted)} strong />
          </tr>
        </tfoot>
      </table>
      {settlement.adjustments
        .filter((a) => a.advance !== undefined)
        .map((a) => (
          <p className="note" key={a.id}>
            {t("tables.advanceNote", {
              label: a.label,
              member: name(a.advance?.member ?? ""),
              key: keyLabel(a.advance?.key ?? ""),
            })}{" "}
            <Euros value={a.advance?.amount ?? "0"} />
          </p>
        ))}
    </TableWrap>
  );
}
