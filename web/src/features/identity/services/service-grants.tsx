import { useTranslation } from "react-i18next";
import { FieldErrorList } from "../../../shared/components/field-error-list.tsx";
import type { ServiceFormPart } from "./service-form-part.ts";

/**
 * How the service signs in to the provider: confidential client (fixed once created), refresh
 * tokens, client credentials and the PKCE exemption (confidential clients only), enabled — and the messages about them.
 */
export function ServiceGrants({ draft, edit, errors, created }: ServiceFormPart & { created: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label className="checkbox">
        <input
          id="service-confidential"
          type="checkbox"
          checked={draft.confidential}
          {...errors.groupInvalid("service-confidential")}
          disabled={created}
          onChange={(e) => edit({ confidential: e.target.checked })}
        />{" "}
        {t("identity.services.confidential")}
      </label>
      <label className="checkbox">
        <input
          id="service-refresh"
          type="checkbox"
          checked={draft.refreshTokens}
          {...errors.groupInvalid("service-refresh")}
          onChange={(e) => edit({ refreshTokens: e.target.checked })}
        />{" "}
        {t("identity.services.refreshTokens")}
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.clientCredentials}
          disabled={!draft.confidential}
          onChange={(e) => edit({ clientCredentials: e.target.checked })}
        />{" "}
        {t("identity.services.clientCredentials")}
      </label>
      <label className="checkbox">
        <input
          id="service-pkce-exempt"
          type="checkbox"
          checked={draft.pkceExempt && draft.confidential}
          {...errors.groupInvalid("service-pkce-exempt")}
          disabled={!draft.confidential}
          onChange={(e) => edit({ pkceExempt: e.target.checked })}
        />{" "}
        {t("identity.services.pkceExempt")}
      </label>
      <label className="checkbox">
        <input
          id="service-enabled"
          type="checkbox"
          checked={draft.enabled}
          {...errors.groupInvalid("service-enabled")}
          onChange={(e) => edit({ enabled: e.target.checked })}
        />{" "}
        {t("identity.services.enabled")}
      </label>
      {["service-confidential", "service-refresh", "service-pkce-exempt", "service-enabled"].map((id) => (
        <FieldErrorList key={id} id={`${id}-error`} messages={errors.all(id)} />
      ))}
    </div>
  );
}
