import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "../../../shared/components/field.tsx";
import { FieldErrorList } from "../../../shared/components/field-error-list.tsx";
import { useEntente } from "../../finance/index.ts";
import type { ServiceDraft } from "./service-draft.ts";
import { type ServiceFormPart, toggle } from "./service-form-part.ts";

/** Who may use the service: every member or some, a role, groups. */
export function ServicePolicyFieldset({ draft, edit, errors }: ServiceFormPart) {
  const { t } = useTranslation();
  const { entente } = useEntente();
  return (
    <fieldset className="fieldset">
      <legend>{t("identity.services.policy")}</legend>
      <label className="checkbox">
        <input
          id="service-all-members"
          type="checkbox"
          checked={draft.allMembers}
          {...errors.groupInvalid("service-all-members")}
          onChange={(e) => edit({ allMembers: e.target.checked })}
        />{" "}
        {t("identity.services.allMembers")}
      </label>
      {!draft.allMembers &&
        entente.members.map((m) => (
          <label key={m.id} className="checkbox">
            <input
              type="checkbox"
              checked={draft.memberIds.includes(m.id)}
              onChange={(e) => edit({ memberIds: toggle(draft.memberIds, m.id, e.target.checked) })}
            />{" "}
            {m.name}
          </label>
        ))}
      <FieldErrorList id="service-all-members-error" messages={errors.all("service-all-members")} />
      <SelectField
        id="service-roles"
        label={t("identity.services.roles")}
        value={draft.roles}
        options={[
          { value: "", label: t("identity.services.allRoles") },
          { value: "agent", label: t("identity.roles.agent") },
          { value: "elu", label: t("identity.roles.elu") },
        ]}
        onChange={(e) => edit({ roles: e.target.value as ServiceDraft["roles"] })}
        error={errors.of("service-roles")}
      />
      <TextField
        id="service-groups"
        label={t("identity.services.groups")}
        hint={t("identity.services.groupsHint")}
        value={draft.groups}
        onChange={(e) => edit({ groups: e.target.value })}
        error={errors.of("service-groups")}
      />
    </fieldset>
  );
}
