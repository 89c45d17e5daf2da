import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "../../../shared/components/field.tsx";
import { RowButton } from "../../../shared/components/row-button.tsx";
import { type DraftAdvance, isNotAnAdvanceAmount } from "./settlement-draft.ts";

type Option = { value: string; label: string };

type AdvanceRowProps = {
  advance: DraftAdvance;
  index: number;
  memberOptions: readonly Option[];
  keyOptions: readonly Option[];
  onChange: (rowId: number, patch: Partial<DraftAdvance>) => void;
  onRemove: (rowId: number, index: number) => void;
  error: (index: number, field: string) => string | undefined;
};

/** One advance as a row of inputs: id, label, payer, amount, key, and its remove button. */
export function AdvanceRow(props: AdvanceRowProps) {
  const { advance, index, memberOptions, keyOptions, onChange, onRemove, error } = props;
  const { t } = useTranslation();
  const n = index + 1;
  /** The props every input of the row shares: its id, and its column header as a hidden label. */
  const input = (field: string, column: string) => ({
    id: `advance-${advance.rowId}-${field}`,
    hideLabel: true,
    label: t("settlement.advanceCell", { column, n }),
  });
  const change = (patch: Partial<DraftAdvance>) => onChange(advance.rowId, patch);
  return (
    <tr data-advance-row>
      <td>
        <TextField
          {...input("id", t("settlement.id"))}
          className="input input--short"
          autoComplete="off"
          spellCheck={false}
          value={advance.id}
          onChange={(e) => change({ id: e.target.value })}
          error={error(index, "id")}
        />
      </td>
      <td>
        <TextField
          {...input("label", t("settlement.label"))}
          className="input input--label"
          value={advance.label}
          onChange={(e) => change({ label: e.target.value })}
          error={error(index, "label")}
        />
      </td>
      <td>
        <SelectField
          {...input("member", t("settlement.payer"))}
          value={advance.memberId}
          options={memberOptions}
          onChange={(e) => change({ memberId: e.target.value })}
          error={error(index, "memberId")}
        />
      </td>
      <td className="num">
        <TextField
          {...input("amount", t("settlement.amount"))}
          className="input input--amount"
          inputMode="decimal"
          autoComplete="off"
          value={advance.amount}
          onChange={(e) => change({ amount: e.target.value })}
          error={isNotAnAdvanceAmount(advance.amount) ? t("settlement.notAnAmount") : error(index, "amount")}
        />
      </td>
      <td>
        <SelectField
          {...input("key", t("settlement.key"))}
          value={advance.keyId}
          options={keyOptions}
          onChange={(e) => change({ keyId: e.target.value })}
          error={error(index, "keyId")}
        />
      </td>
      <td>
        <RowButton
          label={t("settlement.remove")}
          context={` ${t("settlement.advanceN", { n, label: advance.label })}`}
          onClick={() => onRemove(advance.rowId, index)}
        />
      </td>
    </tr>
  );
}
