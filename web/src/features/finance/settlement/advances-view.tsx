import { useTranslation } from "react-i18next";
import { Euros } from "../../../shared/components/amount.tsx";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { useEntente } from "../entente/entente-context.tsx";
import type { Settlement } from "../finance-types.ts";

/** The advances of an exercise as saved, for who may not edit them (or once the budget is not a draft). */
export function AdvancesView({ settlement }: { settlement: Settlement }) {
  const { t } = useTranslation();
  const { entente, memberName } = useEntente();
  const keyLabel = (id: string) => entente.keys.find((k) => k.id === id)?.label ?? id;
  const caption = t("settlement.advancesCaption", {
    count: settlement.advances.length,
    year: settlement.year,
  });
  if (settlement.advances.length === 0) return <p>{t("settlement.noAdvances")}</p>;
  return (
    <CaptionedTable caption={caption} className="table" hideCaption>
      <thead>
        <tr>
          <th scope="col">{t("settlement.label")}</th>
          <th scope="col">{t("settlement.id")}</th>
          <th scope="col">{t("settlement.payer")}</th>
          <th scope="col" className="num">
            {t("settlement.amount")}
          </th>
          <th scope="col">{t("settlement.key")}</th>
        </tr>
      </thead>
      <tbody>
        {settlement.advances.map((a) => (
          <tr key={a.id}>
            <th scope="row">{a.label}</th>
            <td>
              <code>{a.id}</code>
            </td>
            <td>{memberName(a.memberId)}</td>
            <td className="num">
              <Euros value={a.amount} />
            </td>
            <td>{keyLabel(a.keyId)}</td>
          </tr>
        ))}
      </tbody>
    </CaptionedTable>
  );
}
