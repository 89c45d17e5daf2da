import { useTranslation } from "react-i18next";
import { ActionsHeader } from "../../../shared/components/actions-header.tsx";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { ColGroup } from "../../../shared/components/col-group.tsx";
import { NumHeader } from "../../../shared/components/num-header.tsx";
import { useEntente } from "../entente/entente-context.tsx";
import { AdvanceRow } from "./advance-row.tsx";
import type { DraftAdvance } from "./settlement-draft.ts";

/** The advances of an exercise as a table of inputs, one row per advance. */
export function AdvancesForm({
  advances,
  year,
  onChange,
  onRemove,
  error,
}: {
  advances: readonly DraftAdvance[];
  year: number;
  onChange: (rowId: number, patch: Partial<DraftAdvance>) => void;
  onRemove: (rowId: number, index: number) => void;
  error: (index: number, field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const caption = t("settlement.advancesCaption", { count: advances.length, year });
  if (advances.length === 0) return <p>{t("settlement.noAdvances")}</p>;
  const memberOptions = entente.members.map((m) => ({ value: m.id, label: m.name }));
  const keyOptions = entente.keys.map((k) => ({ value: k.id, label: k.label }));
  return (
    <CaptionedTable caption={caption} className="table table--form table--settlement" hideCaption>
      <ColGroup classes={["col--id", undefined, "col--payer", "col--amount", "col--key", "col--action"]} />
      <thead>
        <tr>
          <th scope="col">{t("settlement.id")}</th>
          <th scope="col">{t("settlement.label")}</th>
          <th scope="col">{t("settlement.payer")}</th>
          <NumHeader>{t("settlement.amount")}</NumHeader>
          <th scope="col">{t("settlement.key")}</th>
          <ActionsHeader />
        </tr>
      </thead>
      <tbody>
        {advances.map((advance, index) => (
          <AdvanceRow
            key={advance.rowId}
            advance={advance}
            index={index}
            memberOptions={memberOptions}
            keyOptions={keyOptions}
            onChange={onChange}
            onRemove={onRemove}
            error={error}
          />
        ))}
      </tbody>
    </CaptionedTable>
  );
}
