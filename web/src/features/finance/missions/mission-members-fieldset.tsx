import { useTranslation } from "react-i18next";
import { FieldErrorList } from "../../../shared/components/field-error-list.tsx";
import { useEntente } from "../entente/entente-context.tsx";

/** The members taking part in a mission, as checkboxes, with every message about them listed under. */
export function MissionMembersFieldset({
  memberIds,
  onChange,
  errors,
}: {
  memberIds: readonly string[];
  onChange: (memberIds: string[]) => void;
  errors: readonly string[];
}) {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const describedBy = ["mission-members-hint", errors.length > 0 ? "mission-members-error" : null]
    .filter((id) => id !== null)
    .join(" ");
  return (
    <fieldset
      className={errors.length > 0 ? "fieldset field--error" : "fieldset"}
      aria-describedby={describedBy}
    >
      <legend>{t("missions.members")}</legend>
      <span id="mission-members-hint" className="field__hint">
        {t("missions.membersHint")}
      </span>
      {entente.members.map((m) => (
        <div className="field field--checkbox" key={m.id}>
          <input
            id={`mission-member-${m.id}`}
            type="checkbox"
            checked={memberIds.includes(m.id)}
            onChange={(e) =>
              onChange(e.target.checked ? [...memberIds, m.id] : memberIds.filter((id) => id !== m.id))
            }
          />
          <label htmlFor={`mission-member-${m.id}`}>{m.name}</label>
        </div>
      ))}
      <FieldErrorList id="mission-members-error" messages={errors} />
    </fieldset>
  );
}
