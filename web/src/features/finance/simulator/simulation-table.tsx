import { useTranslation } from "react-i18next";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { EurosCell } from "../../../shared/components/euros-cell.tsx";
import { type SimulationResult, simulationCsv } from "./simulation-csv.ts";

/**
 * The comparison: one row per member, its contribution to the year under the key as it is then
 * under each alternative, side by side, exact to the cent (each column's total equals the
 * members' contributions: the server's engine balances them); a CSV download of the same table.
 */
export function SimulationTable({ result }: { result: SimulationResult }) {
  const { t } = useTranslation();
  const csv = simulationCsv(result, { member: t("common.member"), total: t("simulator.total") });
  const href = `data:text/csv;charset=utf-8,${encodeURIComponent(`\ufeff${csv}`)}`;
  return (
    <section aria-labelledby="simulation-title" className="section">
      <h2 id="simulation-title">{t("simulator.resultTitle", { year: result.year })}</h2>
      <p className="hint">{t("simulator.nothingSaved")}</p>
      <CaptionedTable
        caption={t("simulator.resultCaption", { year: result.year })}
        className="table"
        hideCaption
      >
        <thead>
          <tr>
            <th scope="col">{t("common.member")}</th>
            {result.columns.map((label, i) => (
              // columns are positional (the key as it is, then each alternative): the index is their identity
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <th scope="col" className="num" key={`${i}-${label}`}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row) => (
            <tr key={row.memberId}>
              <th scope="row">{row.name}</th>
              {row.amounts.map((amount, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: positional columns, as in the header
                <EurosCell key={`${row.memberId}-${i}`} value={amount} />
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("simulator.total")}</th>
            {result.totals.map((total, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: positional columns, as in the header
              <EurosCell key={`total-${i}`} value={total} strong />
            ))}
          </tr>
        </tfoot>
      </CaptionedTable>
      <a
        className="button button--secondary"
        href={href}
        download={`simulation-${result.keyId}-${result.year}.csv`}
      >
        {t("simulator.downloadCsv")}
      </a>
    </section>
  );
}
