import { useTranslation } from "react-i18next";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { TextField } from "../../../shared/components/field.tsx";
import { useLocale } from "../../../shared/i18n/use-locale.ts";
import { type CriterionDraft, emptyCriterion } from "./criteria-draft.ts";
import { describePercentCheck } from "./describe-percent-check.ts";
import type { PercentCheck } from "./percent-check.ts";
import { PercentCheckMessage } from "./percent-check-message.tsx";

type Props = {
  prefix: string;
  year: string;
  criteria: readonly CriterionDraft[];
  members: readonly { id: string; name: string }[];
  /** The live check that the criteria weights make exactly 100 %. */
  check: PercentCheck;
  onChange: (criteria: CriterionDraft[]) => void;
  /** The server's message for a field of the body (`criteria.0.weight`…). */
  fieldError: (field: string) => string | undefined;
};

/**
 * The criteria of a criteria key period: each criterion with its label, weight (in % of the key,
 * checked live to make exactly 100 %) and source with its year (« Populations légales INSEE
 * 2022 »), then a table member × criterion of each member's value (population, agents, budget…).
 */
export function CriteriaFields({ prefix, year, criteria, members, check, onChange, fieldError }: Props) {
  const { t } = useTranslation();
  const { sum, gap, status } = describePercentCheck(check, useLocale());
  const change = (index: number, patch: Partial<CriterionDraft>) =>
    onChange(criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  const nameOf = (c: CriterionDraft, i: number) =>
    c.label.trim() === "" ? t("keys.criterionN", { n: i + 1 }) : c.label.trim();
  return (
    <>
      <fieldset className="fieldset">
        <legend>{t("keys.criteriaLegend")}</legend>
        {criteria.map((c, i) => (
          <CriterionFieldset
            // biome-ignore lint/suspicious/noArrayIndexKey: a criterion being typed has no id yet; its place is its identity (inputs are controlled)
            key={i}
            prefix={prefix}
            index={i}
            criterion={c}
            name={nameOf(c, i)}
            notAWeight={check.invalid.includes(i)}
            onChange={(patch) => change(i, patch)}
            onRemove={criteria.length > 1 ? () => onChange(criteria.filter((_, j) => j !== i)) : undefined}
            fieldError={fieldError}
          />
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange([...criteria, emptyCriterion()])}
        >
          {t("keys.criterionAdd")}
        </button>
        <PercentCheckMessage
          id={`${prefix}-criteria-check`}
          status={status}
          sum={sum}
          gap={gap}
          invalid={check.invalid.length}
        />
        {fieldError("criteria") !== undefined && (
          <p className="field__error" role="alert">
            {fieldError("criteria")}
          </p>
        )}
      </fieldset>
      <CriteriaValuesTable
        prefix={prefix}
        year={year}
        criteria={criteria}
        members={members}
        nameOf={nameOf}
        change={change}
        fieldError={fieldError}
      />
    </>
  );
}

/** One criterion: its label, weight in % of the key, source and year; its problems; remove it. */
function CriterionFieldset({
  prefix,
  index: i,
  criterion: c,
  name,
  notAWeight,
  onChange,
  onRemove,
  fieldError,
}: {
  prefix: string;
  index: number;
  criterion: CriterionDraft;
  name: string;
  notAWeight: boolean;
  onChange: (patch: Partial<CriterionDraft>) => void;
  onRemove: (() => void) | undefined;
  fieldError: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset">
      <legend>{t("keys.criterionN", { n: i + 1 })}</legend>
      <div className="form-row">
        <TextField
          id={`${prefix}-criterion-${i}-label`}
          label={t("keys.criterionLabel", { n: i + 1 })}
          value={c.label}
          onChange={(e) => onChange({ label: e.target.value })}
          error={fieldError(`criteria.${i}.id`) ?? fieldError(`criteria.${i}.label`)}
        />
        <TextField
          id={`${prefix}-criterion-${i}-weight`}
          label={t("keys.criterionWeight", { n: i + 1 })}
          inputMode="decimal"
          className="input input--amount"
          value={c.weight}
          onChange={(e) => onChange({ weight: e.target.value })}
          error={notAWeight ? t("keys.notARate") : fieldError(`criteria.${i}.weight`)}
        />
      </div>
      <TextField
        id={`${prefix}-criterion-${i}-source`}
        label={t("keys.criterionSource", { n: i + 1 })}
        hint={t("keys.criterionSourceHint")}
        value={c.source}
        onChange={(e) => onChange({ source: e.target.value })}
        error={fieldError(`criteria.${i}.source`)}
      />
      {fieldError(`criteria.${i}.values`) !== undefined && (
        <p className="field__error" role="alert">
          {fieldError(`criteria.${i}.values`)}
        </p>
      )}
      {onRemove !== undefined && (
        <button type="button" className="button button--secondary" onClick={onRemove}>
          {t("keys.criterionRemove", { name })}
        </button>
      )}
    </fieldset>
  );
}

/** The table member × criterion: each member's value for each criterion, as inputs. */
function CriteriaValuesTable({
  prefix,
  year,
  criteria,
  members,
  nameOf,
  change,
  fieldError,
}: Pick<Props, "prefix" | "year" | "criteria" | "members" | "fieldError"> & {
  nameOf: (c: CriterionDraft, i: number) => string;
  change: (index: number, patch: Partial<CriterionDraft>) => void;
}) {
  const { t } = useTranslation();
  return (
    <CaptionedTable
      caption={t("keys.criteriaValues", { year })}
      className="table table--compact table--form"
      id={`${prefix}-criteria-values`}
    >
      <thead>
        <tr>
          <th scope="col">{t("common.member")}</th>
          {criteria.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: columns follow the criteria being typed
            <th scope="col" className="num" key={i}>
              {nameOf(c, i)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {members.map((m, row) => (
          <tr key={m.id}>
            <th scope="row">{m.name}</th>
            {criteria.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns follow the criteria being typed
              <td className="num" key={i}>
                <TextField
                  id={`${prefix}-criterion-${i}-${m.id}`}
                  label={t("keys.criterionValueOf", { criterion: nameOf(c, i), member: m.name })}
                  hideLabel
                  className="input input--amount"
                  inputMode="decimal"
                  autoComplete="off"
                  value={c.values[m.id] ?? ""}
                  onChange={(e) => change(i, { values: { ...c.values, [m.id]: e.target.value } })}
                  error={
                    fieldError(`criteria.${i}.values.${row}.value`) ??
                    fieldError(`criteria.${i}.values.${row}.memberId`)
                  }
                />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </CaptionedTable>
  );
}
