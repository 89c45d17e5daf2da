import { useTranslation } from "react-i18next";
import { SelectField } from "../../../shared/components/field.tsx";
import { FieldErrorList } from "../../../shared/components/field-error-list.tsx";
import { ACRS, SCOPES } from "./service-draft.ts";
import { type ServiceFormPart, toggle } from "./service-form-part.ts";

/** The claims the service receives (its scopes) and the sign-in level it requires. */
export function ServiceClaimsFieldset({ draft, edit, errors }: ServiceFormPart) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset">
      <legend>{t("identity.services.claims")}</legend>
      {SCOPES.map((scope) => (
        <label key={scope} className="checkbox">
          <input
            type="checkbox"
            id={`service-scope-${scope}`}
            checked={draft.scopes.includes(scope)}
            {...(scope === "openid" ? errors.groupInvalid("service-scope-openid") : {})}
            onChange={(e) => edit({ scopes: toggle(draft.scopes, scope, e.target.checked) })}
          />{" "}
          <code>{scope}</code> — {t(`identity.services.scopes.${scope}`)}
        </label>
      ))}
      <FieldErrorList id="service-scope-openid-error" messages={errors.all("service-scope-openid")} />
      <SelectField
        id="service-acr"
        label={t("identity.services.acr")}
        value={draft.requiredAcr}
        options={ACRS.map((a) => ({
          value: a,
          label:
            a === ""
              ? t("identity.services.acrs.asked")
              : t(`identity.services.acrs.${a.endsWith("2fa") ? "2fa" : "1fa"}`),
        }))}
        onChange={(e) => edit({ requiredAcr: e.target.value })}
        error={errors.of("service-acr")}
      />
    </fieldset>
  );
}
