import { useTranslation } from "react-i18next";
import { TextField } from "../../../shared/components/field.tsx";

/** The steering committee of a service plan: one person per row, added and removed at will. */
export function PlanCommitteeFieldset({
  committee,
  onChange,
  fieldError,
}: {
  committee: readonly string[];
  onChange: (committee: (all: string[]) => string[]) => void;
  fieldError: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset">
      <legend>{t("plan.steeringCommittee")}</legend>
      {committee.map((person, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows of this list have no identity of their own; inputs are controlled and keyed by position on purpose
        <div className="form-row form-row--aligned" key={i}>
          <TextField
            id={`committee-${i}`}
            label={t("plan.committeeMemberN", { n: i + 1 })}
            value={person}
            onChange={(e) => onChange((all) => all.map((p, j) => (j === i ? e.target.value : p)))}
            error={fieldError(`steeringCommittee.${i}`)}
          />
          <button
            type="button"
            className="button button--tertiary"
            onClick={() => onChange((all) => all.filter((_, j) => j !== i))}
          >
            {t("plan.removeCommitteeMember", { n: i + 1 })}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onChange((all) => [...all, ""])}
      >
        {t("plan.addCommitteeMember")}
      </button>
    </fieldset>
  );
}
