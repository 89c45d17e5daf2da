import { useTranslation } from "react-i18next";
import { TextField } from "../../../shared/components/field.tsx";
import type { SourceDraft } from "./source-draft.ts";
import type { TextKey } from "./source-fields.ts";
import type { SourceFormPart } from "./source-form-part.ts";

/** A text input of the source form (`source-<name>`), labelled `identity.sources.fields.<name>`. */
export function SourceTextField({
  part: { draft, edit, errors },
  name,
  hint,
  required,
}: {
  part: SourceFormPart;
  name: TextKey;
  hint?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      id={`source-${name}`}
      label={t(`identity.sources.fields.${name}` as "identity.sources.fields.label")}
      value={String(draft[name])}
      onChange={(e) => edit({ [name]: e.target.value } as Partial<SourceDraft>)}
      error={errors.of(`source-${name}`)}
      {...(hint === undefined ? {} : { hint })}
      {...(required === undefined ? {} : { required })}
    />
  );
}
