import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { Person } from "../../../../../src/identity/contracts.ts";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { DateText } from "../../../shared/components/date-text.tsx";
import { RemoveButton } from "../components/remove-button.tsx";

/**
 * A person's organisations: member, role, address, groups, where the affiliation comes from (a
 * source, or declared by whom) and when it was last seen. A declared one may be removed by who manages.
 */
export function AffiliationsTable({
  person,
  manage,
  onRemove,
}: {
  person: z.infer<typeof Person>;
  manage: boolean;
  onRemove: (memberId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <CaptionedTable caption={t("identity.persons.organisations")} className="table">
      <thead>
        <tr>
          <th scope="col">{t("identity.member")}</th>
          <th scope="col">{t("identity.role")}</th>
          <th scope="col">{t("identity.email")}</th>
          <th scope="col">{t("identity.persons.groups")}</th>
          <th scope="col">{t("identity.persons.origin")}</th>
          <th scope="col">{t("identity.persons.lastSeen")}</th>
          {manage && <th scope="col">{t("identity.actions")}</th>}
        </tr>
      </thead>
      <tbody>
        {person.affiliations.map((a) => (
          <tr key={a.memberId}>
            <th scope="row">{a.memberName}</th>
            <td>{t(`identity.roles.${a.role}`)}</td>
            <td>{a.email}</td>
            <td>{a.groups.length === 0 ? "—" : a.groups.join(", ")}</td>
            <td>
              {a.declaredBy === null
                ? t("identity.persons.fromSource")
                : t("identity.persons.declaredBy", { who: a.declaredBy })}
            </td>
            <td>{a.lastSeenAt === null ? "—" : <DateText value={a.lastSeenAt} withTime />}</td>
            {manage && (
              <td>
                {a.sourceId === null && (
                  <RemoveButton name={a.memberName} onClick={() => onRemove(a.memberId)} />
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </CaptionedTable>
  );
}
