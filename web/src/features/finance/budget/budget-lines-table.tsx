import { useTranslation } from "react-i18next";
import { ActionsHeader } from "../../../shared/components/actions-header.tsx";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { ColGroup } from "../../../shared/components/col-group.tsx";
import { NumHeader } from "../../../shared/components/num-header.tsx";
import { useEntente } from "../entente/entente-context.tsx";
import type { DraftLine } from "./budget-draft.ts";
import { BudgetLineInputs } from "./budget-line-inputs.tsx";
import { BudgetLineView } from "./budget-line-view.tsx";

const COLUMNS = [
  "col--mission",
  undefined,
  "col--section",
  "col--flow",
  "col--amount",
  "col--nature",
  "col--action",
];

/** The lines of a budget version: a table of inputs while editable (fixed column widths), else of text. */
export function BudgetLinesTable({
  id,
  label,
  lines,
  editable,
  unreadable,
  onChange,
  onRemove,
  error,
}: {
  id: string;
  /** The version's label, for the caption. */
  label: string;
  lines: readonly DraftLine[];
  editable: boolean;
  /** Indexes of lines whose amount is not a positive amount in euros. */
  unreadable: readonly number[];
  onChange: (rowId: number, patch: Partial<DraftLine>) => void;
  onRemove: (rowId: number, index: number) => void;
  error: (index: number, field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const missionOptions = [
    { value: "", label: t("common.general") },
    ...entente.missions.map((m) => ({ value: m.id, label: m.name })),
  ];
  return (
    <CaptionedTable
      caption={t("budget.linesCaption", { count: lines.length, label })}
      className={editable ? "table table--form table--budget" : "table"}
      id={id}
    >
      {editable && <ColGroup classes={COLUMNS} />}
      <thead>
        <tr>
          <th scope="col">{t("common.mission")}</th>
          <th scope="col">{t("budget.label")}</th>
          <th scope="col">{t("budget.section")}</th>
          <th scope="col">{t("budget.flow")}</th>
          <NumHeader>{t("budget.amount")}</NumHeader>
          <th scope="col">{t("budget.nature")}</th>
          {editable && <ActionsHeader />}
        </tr>
      </thead>
      <tbody>
        {lines.map((line, index) =>
          editable ? (
            <BudgetLineInputs
              key={line.rowId}
              line={line}
              index={index}
              unreadable={unreadable.includes(index)}
              missionOptions={missionOptions}
              onChange={onChange}
              onRemove={onRemove}
              error={error}
            />
          ) : (
            <BudgetLineView key={line.rowId} line={line} />
          ),
        )}
      </tbody>
    </CaptionedTable>
  );
}
