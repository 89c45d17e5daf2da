import { useTranslation } from "react-i18next";
import { SelectField, TextAreaField, TextField } from "../../../shared/components/field.tsx";
import { useEntente } from "../entente/entente-context.tsx";
import type { MissionDraft } from "./mission-draft.ts";

/** A mission's name, description and lead member, each with its message. */
export function MissionGeneralFields({
  draft,
  edit,
  fieldError,
}: {
  draft: MissionDraft;
  edit: (change: Partial<MissionDraft>) => void;
  fieldError: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const { entente } = useEntente();
  return (
    <>
      <TextField
        id="mission-name"
        label={t("missions.fieldName")}
        value={draft.name}
        required
        onChange={(e) => edit({ name: e.target.value })}
        error={fieldError("name")}
      />
      <TextAreaField
        id="mission-description"
        label={t("missions.description")}
        hint={t("missions.descriptionHint")}
        rows={3}
        value={draft.description}
        onChange={(e) => edit({ description: e.target.value })}
        error={fieldError("description")}
      />
      <SelectField
        id="mission-lead"
        label={t("missions.lead")}
        value={draft.leadMemberId}
        options={[
          { value: "", label: t("missions.noLead") },
          ...entente.members.map((m) => ({ value: m.id, label: m.name })),
        ]}
        onChange={(e) => edit({ leadMemberId: e.target.value })}
        error={fieldError("leadMemberId")}
      />
    </>
  );
}
