import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { appPath } from "../../../shared/app-path.ts";
import { TableWrap } from "../../../shared/components/table-wrap.tsx";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { useEntente } from "../entente/entente-context.tsx";

/** The missions (socles and spécifiques), their lead member, members, keys and plan version. */
export function MissionsPage() {
  const { t } = useTranslation();
  const { entente, memberName } = useEntente();
  const keyLabel = (id: string) => entente.keys.find((k) => k.id === id)?.label ?? id;
  return (
    <>
      <PageHeader title={t("missions.title")} />
      <TableWrap label={t("missions.title")}>
        <table className="table">
          <caption>{t("missions.caption", { count: entente.missions.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("missions.name")}</th>
              <th scope="col">{t("missions.kind")}</th>
              <th scope="col">{t("missions.lead")}</th>
              <th scope="col">{t("missions.members")}</th>
              <th scope="col">{t("missions.keys")}</th>
              <th scope="col">{t("missions.plan")}</th>
            </tr>
          </thead>
          <tbody>
            {entente.missions.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  <Link to={appPath(entente.id, "missions", m.id)}>{m.name}</Link>
                </th>
                <td>{t(`missionKinds.${m.kind}`)}</td>
                <td>{m.leadMemberId === null ? "—" : memberName(m.leadMemberId)}</td>
                <td>{m.memberIds.map(memberName).join(", ")}</td>
                <td>
                  {m.keys.investissement === m.keys.fonctionnement
                    ? keyLabel(m.keys.fonctionnement)
                    : `${t("sections.investissement")} : ${keyLabel(m.keys.investissement)} · ${t("sections.fonctionnement")} : ${keyLabel(m.keys.fonctionnement)}`}
                </td>
                <td>
                  {m.plan === null
                    ? t("missions.noPlan")
                    : t("missions.planVersion", { version: m.plan.version })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
