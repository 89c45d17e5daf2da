import { useTranslation } from "react-i18next";
import { SelectField, TextAreaField } from "../../../shared/components/field.tsx";
import { SourceCheckbox } from "./source-checkbox.tsx";
import type { SourceDraft } from "./source-draft.ts";
import type { SourceFormPart } from "./source-form-part.ts";
import { SourceTextField } from "./source-text-field.tsx";

/** An LDAP / Active Directory source: server, StartTLS, bind DN, search, id attribute and its encoding, CA. */
export function SourceLdapFieldset({ part }: { part: SourceFormPart }) {
  const { t } = useTranslation();
  const { draft, edit, errors } = part;
  return (
    <fieldset className="fieldset">
      <legend>{t("identity.kinds.ldap")}</legend>
      <SourceTextField part={part} name="url" hint={t("identity.sources.hints.url")} required />
      <SourceCheckbox part={part} name="startTls" />
      <SourceTextField part={part} name="bindDn" />
      <SourceTextField part={part} name="searchBase" required />
      <SourceTextField
        part={part}
        name="searchFilter"
        hint={t("identity.sources.hints.searchFilter")}
        required
      />
      <SourceTextField part={part} name="idAttribute" hint={t("identity.sources.hints.idAttribute")} />
      <SelectField
        id="source-idEncoding"
        label={t("identity.sources.fields.idEncoding")}
        value={draft.idEncoding}
        options={[
          { value: "text", label: t("identity.sources.encodings.text") },
          { value: "guid", label: t("identity.sources.encodings.guid") },
          { value: "sid", label: t("identity.sources.encodings.sid") },
          { value: "base64", label: t("identity.sources.encodings.base64") },
        ]}
        onChange={(e) => edit({ idEncoding: e.target.value as SourceDraft["idEncoding"] })}
        error={errors.of("source-idEncoding")}
      />
      <SourceTextField part={part} name="timeoutSeconds" />
      <TextAreaField
        id="source-tlsCaPem"
        label={t("identity.sources.fields.tlsCaPem")}
        rows={4}
        value={draft.tlsCaPem}
        onChange={(e) => edit({ tlsCaPem: e.target.value })}
        error={errors.of("source-tlsCaPem")}
      />
    </fieldset>
  );
}
