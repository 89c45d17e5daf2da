import { useTranslation } from "react-i18next";
import { TextField } from "../../../shared/components/field.tsx";

/** A milestone of a service plan as edited: its due date as typed (empty: none). */
export type DraftMilestone = { label: string; due: string; done: boolean };

/** The milestones of a service plan: label, due date, done, one row each, added and removed at will. */
export function PlanMilestonesFieldset({
  milestones,
  onChange,
  onRemove,
  onAdd,
  fieldError,
}: {
  milestones: readonly DraftMilestone[];
  onChange: (index: number, change: Partial<DraftMilestone>) => void;
  onRemove: (index: number) => void;
  onAdd: () => void;
  fieldError: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset">
      <legend>{t("plan.milestones")}</legend>
      {milestones.length === 0 && <p className="hint">{t("plan.noMilestones")}</p>}
      {milestones.map((m, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows of this list have no identity of their own; inputs are controlled and keyed by position on purpose
        <div className="form-row form-row--aligned" key={i}>
          <TextField
            id={`milestone-${i}-label`}
            label={t("plan.milestoneN", { n: i + 1 })}
            value={m.label}
            onChange={(e) => onChange(i, { label: e.target.value })}
            error={fieldError(`milestones.${i}.label`)}
          />
          <TextField
            id={`milestone-${i}-due`}
            label={t("plan.due")}
            type="date"
            value={m.due}
            onChange={(e) => onChange(i, { due: e.target.value })}
            error={fieldError(`milestones.${i}.due`)}
          />
          <div className="field field--checkbox">
            <input
              id={`milestone-${i}-done`}
              type="checkbox"
              checked={m.done}
              onChange={(e) => onChange(i, { done: e.target.checked })}
            />
            <label htmlFor={`milestone-${i}-done`}>{t("plan.done")}</label>
          </div>
          <button type="button" className="button button--tertiary" onClick={() => onRemove(i)}>
            {t("plan.removeMilestone", { n: i + 1 })}
          </button>
        </div>
      ))}
      <button type="button" className="button button--secondary" onClick={onAdd}>
        {t("plan.addMilestone")}
      </button>
    </fieldset>
  );
}
