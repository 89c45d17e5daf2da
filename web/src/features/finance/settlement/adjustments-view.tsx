import { useTranslation } from "react-i18next";
import { sumEuros } from "../../../../../src/shared/money-input.ts";
import { Euros } from "../../../shared/components/amount.tsx";
import { useEntente } from "../entente/entente-context.tsx";
import type { Settlement } from "../finance-types.ts";

/** The adjustments of an exercise as saved: each member's amount and their sum, one card each. */
export function AdjustmentsView({ settlement }: { settlement: Settlement }) {
  const { t } = useTranslation();
  const { entente } = useEntente();
  if (settlement.adjustments.length === 0) return <p>{t("settlement.noAdjustments")}</p>;
  return settlement.adjustments.map((a, index) => {
    const n = index + 1;
    const headingId = `adjustment-view-${index}`;
    return (
      <section key={a.id} aria-labelledby={headingId} className="card adjustment">
        <h3 id={headingId}>{t("settlement.adjustmentTitleLabel", { n, label: a.label })}</h3>
        <p className="meta">{t("settlement.idIs", { id: a.id })}</p>
        <table className="table table--compact table--amounts">
          <caption className="visually-hidden">{t("settlement.amountsCaption", { n })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("common.member")}</th>
              <th scope="col" className="num">
                {t("settlement.amount")}
              </th>
            </tr>
          </thead>
          <tbody>
            {entente.members.map((m) => {
              const amount = a.amounts.find((x) => x.memberId === m.id)?.amount;
              return (
                <tr key={m.id}>
                  <th scope="row">{m.name}</th>
                  <td className="num">{amount === undefined ? "—" : <Euros value={amount} />}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("settlement.sum")}</th>
              <td className="num">
                <Euros value={sumEuros(a.amounts.map((x) => x.amount))} />
              </td>
            </tr>
          </tfoot>
        </table>
      </section>
    );
  });
}
