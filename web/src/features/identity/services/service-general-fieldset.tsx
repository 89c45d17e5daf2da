import { useTranslation } from "react-i18next";
import { TextAreaField, TextField } from "../../../shared/components/field.tsx";
import type { ServiceFormPart } from "./service-form-part.ts";
import { ServiceGrants } from "./service-grants.tsx";

/** The service's name, its exact redirect URIs (one per line), logout URIs and grants. */
export function ServiceGeneralFieldset({
  draft,
  edit,
  errors,
  created,
}: ServiceFormPart & { created: boolean }) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset">
      <legend>{t("identity.services.general")}</legend>
      <TextField
        id="service-name"
        label={t("identity.services.name")}
        value={draft.name}
        required
        onChange={(e) => edit({ name: e.target.value })}
        error={errors.of("service-name")}
      />
      <TextAreaField
        id="service-redirects"
        label={t("identity.services.redirectUris")}
        hint={t("identity.services.redirectHint")}
        rows={3}
        value={draft.redirectUris}
        onChange={(e) => edit({ redirectUris: e.target.value })}
        error={errors.of("service-redirects")}
      />
      <TextAreaField
        id="service-logout-redirects"
        label={t("identity.services.postLogoutRedirectUris")}
        rows={2}
        value={draft.postLogoutRedirectUris}
        onChange={(e) => edit({ postLogoutRedirectUris: e.target.value })}
        error={errors.of("service-logout-redirects")}
      />
      <TextField
        id="service-backchannel"
        label={t("identity.services.backchannelLogoutUri")}
        value={draft.backchannelLogoutUri}
        onChange={(e) => edit({ backchannelLogoutUri: e.target.value })}
        error={errors.of("service-backchannel")}
      />
      <ServiceGrants draft={draft} edit={edit} errors={errors} created={created} />
    </fieldset>
  );
}
