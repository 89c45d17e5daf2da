import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import type { Translate } from "../../../shared/i18n/translate.ts";
import { useTranslate } from "../../../shared/i18n/translate.ts";
import { useEntente } from "../../finance/index.ts";
import type { ServiceJson } from "./service-draft.ts";

/** Who may use a service, in words: its members (or all), roles and groups, joined by « · ». */
function policyText(s: ServiceJson, t: Translate, memberName: (id: string) => string): string {
  return [
    s.policy.memberIds === null
      ? t("identity.services.allMembers")
      : s.policy.memberIds.map(memberName).join(", "),
    s.policy.roles === null ? null : s.policy.roles.map((r) => t(`identity.roles.${r}`)).join(", "),
    s.policy.groups === null
      ? null
      : t("identity.services.groupsList", { groups: s.policy.groups.join(", ") }),
  ]
    .filter((x) => x !== null)
    .join(" · ");
}

/** The registered services; for who manages them, a button to edit each and to rotate a confidential one's secret. */
export function ServicesTable({
  services,
  manage,
  onEdit,
  onRotate,
}: {
  services: readonly ServiceJson[];
  manage: boolean;
  onEdit: (service: ServiceJson) => void;
  onRotate: (service: ServiceJson) => void;
}) {
  const t = useTranslate();
  const { memberName } = useEntente();
  return (
    <CaptionedTable caption={t("identity.services.caption", { count: services.length })} className="table">
      <thead>
        <tr>
          <th scope="col">{t("identity.services.name")}</th>
          <th scope="col">{t("identity.services.clientIdColumn")}</th>
          <th scope="col">{t("identity.services.policy")}</th>
          <th scope="col">{t("identity.services.acr")}</th>
          <th scope="col">{t("identity.services.state")}</th>
          {manage && <th scope="col">{t("identity.actions")}</th>}
        </tr>
      </thead>
      <tbody>
        {services.map((s) => (
          <tr key={s.clientId}>
            <th scope="row">{s.name}</th>
            <td>
              <code>{s.clientId}</code>
            </td>
            <td>{policyText(s, t, memberName)}</td>
            <td>
              {s.requiredAcr === null
                ? "—"
                : t(`identity.services.acrs.${s.requiredAcr === "urn:entente:acr:2fa" ? "2fa" : "1fa"}`)}
            </td>
            <td>{s.enabled ? t("identity.services.active") : t("identity.services.suspended")}</td>
            {manage && (
              <td>
                <button
                  type="button"
                  className="button button--secondary"
                  aria-label={t("identity.services.editNamed", { name: s.name })}
                  onClick={() => onEdit(s)}
                >
                  {t("identity.edit")}
                </button>{" "}
                {s.tokenEndpointAuthMethod !== "none" && (
                  <button
                    type="button"
                    className="button button--secondary"
                    aria-label={t("identity.services.rotateNamed", { name: s.name })}
                    onClick={() => onRotate(s)}
                  >
                    {t("identity.services.rotate")}
                  </button>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </CaptionedTable>
  );
}
