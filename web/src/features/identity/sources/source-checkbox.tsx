import { useTranslation } from "react-i18next";
import { FieldErrorList } from "../../../shared/components/field-error-list.tsx";
import type { SourceFormPart } from "./source-form-part.ts";

/** A checkbox of the source form (`source-<name>`) with the list of its messages under it. */
export function SourceCheckbox({
  part: { draft, edit, errors },
  name,
}: {
  part: SourceFormPart;
  name: "enabled" | "startTls";
}) {
  const { t } = useTranslation();
  const id = `source-${name}`;
  return (
    <div className="field">
      <label className="checkbox">
        <input
          id={id}
          type="checkbox"
          checked={draft[name]}
          onChange={(e) => edit({ [name]: e.target.checked })}
          {...errors.groupInvalid(id)}
        />{" "}
        {t(`identity.sources.fields.${name}`)}
      </label>
      <FieldErrorList id={`${id}-error`} messages={errors.all(id)} />
    </div>
  );
}
