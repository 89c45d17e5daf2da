import { useTranslation } from "react-i18next";
import { toApiDecimal } from "../../../../../src/shared/money-input.ts";
import { EurosCell } from "../../../shared/components/euros-cell.tsx";
import { useEntente } from "../entente/entente-context.tsx";
import type { DraftLine } from "./budget-draft.ts";

/** One budget line as a row of text, for who may not edit it (or once the budget is not a draft). */
export function BudgetLineView({ line }: { line: DraftLine }) {
  const { t } = useTranslation();
  const { missionName } = useEntente();
  return (
    <tr>
      <td>{missionName(line.missionId === "" ? null : line.missionId) ?? t("common.general")}</td>
      <th scope="row">{line.label}</th>
      <td>{t(`sections.${line.section}`)}</td>
      <td>{t(`budget.flows.${line.flow}`)}</td>
      <EurosCell value={toApiDecimal(line.amount)} />
      <td>{line.nature === "" ? "—" : line.nature}</td>
    </tr>
  );
}
