import { useTranslation } from "react-i18next";
import { SelectField } from "../../../shared/components/field.tsx";
import type { SourceDraft } from "./source-draft.ts";
import type { SourceFormPart } from "./source-form-part.ts";
import { SourceTextField } from "./source-text-field.tsx";

/** Which attributes of the source fill the pivot identity, and how a person's role is known. */
export function SourceMappingFieldset({ part }: { part: SourceFormPart }) {
  const { t } = useTranslation();
  const { draft, edit, errors } = part;
  return (
    <fieldset className="fieldset">
      <legend>{t("identity.sources.mapping")}</legend>
      <p className="hint">{t("identity.sources.mappingHint")}</p>
      <SourceTextField part={part} name="givenName" required />
      <SourceTextField part={part} name="familyName" required />
      <SourceTextField part={part} name="usualName" />
      <SourceTextField part={part} name="email" required />
      <SourceTextField part={part} name="uid" required />
      <SourceTextField part={part} name="groups" />
      <SelectField
        id="source-roleMode"
        label={t("identity.sources.fields.roleMode")}
        value={draft.roleMode}
        options={[
          { value: "fixed", label: t("identity.sources.roleModes.fixed") },
          { value: "attribute", label: t("identity.sources.roleModes.attribute") },
        ]}
        onChange={(e) => edit({ roleMode: e.target.value as SourceDraft["roleMode"] })}
        error={errors.of("source-roleMode")}
      />
      {draft.roleMode === "fixed" ? (
        <SelectField
          id="source-fixedRole"
          label={t("identity.role")}
          value={draft.fixedRole}
          options={[
            { value: "agent", label: t("identity.roles.agent") },
            { value: "elu", label: t("identity.roles.elu") },
          ]}
          onChange={(e) => edit({ fixedRole: e.target.value as SourceDraft["fixedRole"] })}
          error={errors.of("source-fixedRole")}
        />
      ) : (
        <>
          <SourceTextField part={part} name="roleAttribute" />
          <SourceTextField part={part} name="eluValues" hint={t("identity.sources.hints.eluValues")} />
        </>
      )}
    </fieldset>
  );
}
