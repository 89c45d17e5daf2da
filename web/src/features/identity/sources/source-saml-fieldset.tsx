import { useTranslation } from "react-i18next";
import { TextAreaField } from "../../../shared/components/field.tsx";
import type { SourceFormPart } from "./source-form-part.ts";
import { SourceTextField } from "./source-text-field.tsx";

/** A SAML 2.0 source: the IdP's entity id, its SSO URL and certificates, the clock skew, the id attribute. */
export function SourceSamlFieldset({ part }: { part: SourceFormPart }) {
  const { t } = useTranslation();
  const { draft, edit, errors } = part;
  return (
    <fieldset className="fieldset">
      <legend>{t("identity.kinds.saml")}</legend>
      <SourceTextField part={part} name="idpEntityId" required />
      <SourceTextField part={part} name="ssoUrl" required />
      <SourceTextField part={part} name="sloUrl" hint={t("identity.sources.hints.sloUrl")} />
      <TextAreaField
        id="source-idpCertificates"
        label={t("identity.sources.fields.idpCertificates")}
        hint={t("identity.sources.hints.idpCertificates")}
        rows={6}
        value={draft.idpCertificates}
        onChange={(e) => edit({ idpCertificates: e.target.value })}
        error={errors.of("source-idpCertificates")}
      />
      <SourceTextField part={part} name="clockSkewSeconds" />
      <SourceTextField
        part={part}
        name="samlIdAttribute"
        hint={t("identity.sources.hints.samlIdAttribute")}
      />
    </fieldset>
  );
}
