import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { PersonPage } from "../../../../../src/identity/contracts.ts";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";

type Persons = z.infer<typeof PersonPage>["persons"];

/** One page of persons: name, organisations, and a button to show each (the one shown is `aria-current`). */
export function PersonsTable({
  persons,
  offset,
  total,
  selected,
  onShow,
}: {
  persons: Persons;
  /** The index of the page's first person in the whole list (0-based). */
  offset: number;
  total: number;
  selected: string | null;
  onShow: (sub: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <CaptionedTable
      caption={t("identity.persons.caption", { from: offset + 1, to: offset + persons.length, total })}
      className="table"
    >
      <thead>
        <tr>
          <th scope="col">{t("identity.persons.name")}</th>
          <th scope="col">{t("identity.persons.organisations")}</th>
          <th scope="col">{t("identity.actions")}</th>
        </tr>
      </thead>
      <tbody>
        {persons.map((p) => (
          <tr key={p.sub} aria-current={p.sub === selected ? "true" : undefined}>
            <th scope="row">
              {p.givenName} {p.usualName}
            </th>
            <td>
              {p.affiliations.map((a) => `${a.memberName} (${t(`identity.roles.${a.role}`)})`).join(", ")}
            </td>
            <td>
              <button
                type="button"
                className="button button--secondary"
                aria-label={t("identity.persons.showNamed", { name: `${p.givenName} ${p.usualName}` })}
                onClick={() => onShow(p.sub)}
              >
                {t("identity.persons.show")}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </CaptionedTable>
  );
}
