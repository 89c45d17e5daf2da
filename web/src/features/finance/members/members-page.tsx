import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { appPath } from "../../../shared/app-path.ts";
import { TableWrap } from "../../../shared/components/table-wrap.tsx";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { useEntente } from "../entente/entente-context.tsx";
import { AddMemberForm } from "./add-member-form.tsx";
import { MemberForm } from "./member-form.tsx";
import { MemberStatement } from "./member-statement.tsx";

/** « depuis 2025 », « 2025 – 2027 », « jusqu'en 2023 », or « — » for a member from the start on. */
function membershipLabel(t: TFunction, from: number | null, to: number | null): string {
  if (from !== null && to !== null) return t("members.fromTo", { from, to });
  if (from !== null) return t("members.since", { from });
  if (to !== null) return t("members.until", { to });
  return "—";
}

/** The members of the entente; choosing one shows its record, editable by who may. */
export function MembersPage() {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const { memberId } = useParams();
  const selected = entente.members.find((m) => m.id === memberId);
  return (
    <>
      <PageHeader title={t("members.title")} />
      <TableWrap label={t("members.title")}>
        <table className="table">
          <caption>{t("members.caption", { count: entente.members.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("members.name")}</th>
              <th scope="col">{t("members.kind")}</th>
              <th scope="col">{t("members.siren")}</th>
              <th scope="col">{t("members.siret")}</th>
              <th scope="col">{t("members.assembly")}</th>
              <th scope="col">{t("members.membership")}</th>
              <th scope="col">{t("members.accountant")}</th>
            </tr>
          </thead>
          <tbody>
            {entente.members.map((m) => (
              <tr key={m.id} aria-current={m.id === memberId ? "true" : undefined}>
                <th scope="row">
                  <Link to={appPath(entente.id, "members", m.id)}>{m.name}</Link>
                  {entente.budgetHolder === m.id && <span className="tag">{t("members.budgetHolder")}</span>}
                </th>
                <td>{t(`memberKinds.${m.kind}`)}</td>
                <td>{m.siren ?? "—"}</td>
                <td>{m.siret ?? "—"}</td>
                <td>{m.assembly ?? "—"}</td>
                <td>{membershipLabel(t, m.from, m.to)}</td>
                <td>{m.accountant?.office ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {memberId === undefined && <AddMemberForm />}
      {memberId !== undefined && selected === undefined && (
        <p className="alert alert--error" role="alert">
          {t("members.unknown", { id: memberId })}
        </p>
      )}
      {selected !== undefined && <MemberForm key={selected.id} member={selected} />}
      {selected !== undefined && <MemberStatement key={`${selected.id}-statement`} member={selected} />}
    </>
  );
}
