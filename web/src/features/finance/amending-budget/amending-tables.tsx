import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { AmendingComparison } from "../../../../../src/finance/contracts/amending-api.ts";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { EurosCell } from "../../../shared/components/euros-cell.tsx";
import { NumHeader } from "../../../shared/components/num-header.tsx";

type Comparison = z.infer<typeof AmendingComparison>;

/** Every line of the year's budget: adopted, amended, difference (changed lines first in the DM's order). */
export function AmendingLinesTable({ view }: { view: Comparison }) {
  const { t } = useTranslation();
  const changed = view.lines.filter((l) => Number(l.delta) !== 0);
  return (
    <>
      {changed.length === 0 && <p>{t("amending.unchanged")}</p>}
      <CaptionedTable
        caption={t("amending.linesCaption", { year: view.year })}
        className="table"
        id="amending-lines"
      >
        <thead>
          <tr>
            <th scope="col">{t("amending.line")}</th>
            <th scope="col">{t("amending.section")}</th>
            <th scope="col">{t("amending.direction")}</th>
            <NumHeader>{t("amending.adopted")}</NumHeader>
            <NumHeader>{t("amending.amended")}</NumHeader>
            <NumHeader>{t("amending.delta")}</NumHeader>
          </tr>
        </thead>
        <tbody>
          {[...changed, ...view.lines.filter((l) => Number(l.delta) === 0)].map((l) => (
            <tr key={`${l.missionId}|${l.section}|${l.direction}|${l.label}`}>
              <th scope="row">{l.label}</th>
              <td>{t(`sections.${l.section}`)}</td>
              <td>{t(`amending.${l.direction}`)}</td>
              <EurosCell value={l.adopted} />
              <EurosCell value={l.amended} />
              <EurosCell value={l.delta} strong={Number(l.delta) !== 0} />
            </tr>
          ))}
        </tbody>
      </CaptionedTable>
    </>
  );
}

/** Each member's figure of every call year the exercise feeds: adopted, amended, difference. */
export function AmendingMembersTable({ view }: { view: Comparison }) {
  const { t } = useTranslation();
  const years = [...new Set(view.members.map((m) => m.year))];
  return (
    <>
      <p className="hint">{t("amending.membersHint")}</p>
      {years.map((year) => (
        <CaptionedTable
          key={year}
          caption={t("amending.membersCaption", { year })}
          className="table"
          id={`amending-members-${year}`}
        >
          <thead>
            <tr>
              <th scope="col">{t("common.member")}</th>
              <NumHeader>{t("amending.adopted")}</NumHeader>
              <NumHeader>{t("amending.amended")}</NumHeader>
              <NumHeader>{t("amending.delta")}</NumHeader>
            </tr>
          </thead>
          <tbody>
            {view.members
              .filter((m) => m.year === year)
              .map((m) => (
                <tr key={m.memberId}>
                  <th scope="row">{m.name}</th>
                  <EurosCell value={m.adopted} />
                  <EurosCell value={m.amended} />
                  <EurosCell value={m.delta} strong />
                </tr>
              ))}
          </tbody>
        </CaptionedTable>
      ))}
    </>
  );
}
