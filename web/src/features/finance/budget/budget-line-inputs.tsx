import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "../../../shared/components/field.tsx";
import { RowButton } from "../../../shared/components/row-button.tsx";
import { SECTIONS, type Section } from "../finance-types.ts";
import { type DraftLine, FLOWS, type Flow } from "./budget-draft.ts";

type BudgetLineInputsProps = {
  line: DraftLine;
  index: number;
  unreadable: boolean;
  missionOptions: readonly { value: string; label: string }[];
  onChange: (rowId: number, patch: Partial<DraftLine>) => void;
  onRemove: (rowId: number, index: number) => void;
  error: (index: number, field: string) => string | undefined;
};

/**
 * One budget line as a row of inputs: mission, label, section, flow, amount, nature, and its
 * remove button. An amount that is not a positive amount in euros is flagged as typed
 * (`unreadable`); the other messages are the server's, by field (`error`).
 */
export function BudgetLineInputs(props: BudgetLineInputsProps) {
  const { line, index, unreadable, missionOptions, onChange, onRemove, error } = props;
  const { t } = useTranslation();
  const n = index + 1;
  /** The props every input of the row shares: its id, and its column header as a hidden label. */
  const input = (field: string, column: string) => ({
    id: `line-${line.rowId}-${field}`,
    hideLabel: true,
    label: t("budget.cell", { column, n }),
  });
  const change = (patch: Partial<DraftLine>) => onChange(line.rowId, patch);
  return (
    <tr data-budget-row>
      <td>
        <SelectField
          {...input("mission", t("common.mission"))}
          value={line.missionId}
          options={missionOptions}
          onChange={(e) => change({ missionId: e.target.value })}
          error={error(index, "missionId")}
        />
      </td>
      <td>
        <TextField
          {...input("label", t("budget.label"))}
          className="input input--label"
          value={line.label}
          onChange={(e) => change({ label: e.target.value })}
          error={error(index, "label")}
        />
      </td>
      <td>
        <SelectField
          {...input("section", t("budget.section"))}
          value={line.section}
          options={SECTIONS.map((s) => ({ value: s, label: t(`sections.${s}`) }))}
          onChange={(e) => change({ section: e.target.value as Section })}
          error={error(index, "section")}
        />
      </td>
      <td>
        <SelectField
          {...input("flow", t("budget.flow"))}
          value={line.flow}
          options={FLOWS.map((f) => ({ value: f, label: t(`budget.flows.${f}`) }))}
          onChange={(e) => change({ flow: e.target.value as Flow })}
          error={error(index, "direction") ?? error(index, "receiptKind")}
        />
      </td>
      <td className="num">
        <TextField
          {...input("amount", t("budget.amount"))}
          className="input input--amount"
          inputMode="decimal"
          autoComplete="off"
          value={line.amount}
          onChange={(e) => change({ amount: e.target.value })}
          error={unreadable ? t("budget.notAnAmount") : error(index, "amount")}
        />
      </td>
      <td>
        <TextField
          {...input("nature", t("budget.nature"))}
          className="input input--short"
          value={line.nature}
          onChange={(e) => change({ nature: e.target.value })}
          error={error(index, "nature")}
        />
      </td>
      <td>
        <RowButton
          label={t("budget.removeLine")}
          context={` ${t("budget.lineN", { n, label: line.label })}`}
          onClick={() => onRemove(line.rowId, index)}
        />
      </td>
    </tr>
  );
}
