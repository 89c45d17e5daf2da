import { useTranslation } from "react-i18next";
import type { SourceFormPart } from "./source-form-part.ts";
import { SourceTextField } from "./source-text-field.tsx";

/** An OpenID Connect source: the issuer, the client id the entente has there, the scopes it asks. */
export function SourceOidcFieldset({ part }: { part: SourceFormPart }) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset">
      <legend>{t("identity.kinds.oidc")}</legend>
      <SourceTextField part={part} name="issuer" required />
      <SourceTextField part={part} name="clientId" required />
      <SourceTextField part={part} name="scopes" hint={t("identity.sources.hints.scopes")} />
    </fieldset>
  );
}
