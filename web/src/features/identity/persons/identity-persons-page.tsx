import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PersonPage } from "../../../../../src/identity/contracts.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { TextField } from "../../../shared/components/field.tsx";
import { Pager } from "../../../shared/components/pager.tsx";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { useEntente } from "../../finance/index.ts";
import { identityPaths } from "../identity-paths.ts";
import { PersonDetail } from "./person-detail.tsx";
import { PersonsTable } from "./persons-table.tsx";

const PAGE = 50;

/** Persons of the pivot directory: search, their organisations, declare an extra one. */
export function IdentityPersonsPage() {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const [typed, setTyped] = useState("");
  const [query, setQuery] = useState({ q: "", offset: 0 });
  const page = useResource(identityPaths.persons(entente.id, query), PersonPage);
  const [selected, setSelected] = useState<string | null>(null);
  const total = page.data?.total ?? 0;
  return (
    <>
      <PageHeader title={t("identity.persons.title")} />
      <p className="lead">{t("identity.persons.intro")}</p>
      <search aria-label={t("identity.persons.search")}>
        <form
          className="form form--inline"
          onSubmit={(e) => {
            e.preventDefault();
            setQuery({ q: typed, offset: 0 });
          }}
        >
          <TextField
            id="persons-search"
            type="search"
            label={t("identity.persons.search")}
            hint={t("identity.persons.searchHint")}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
          <button type="submit" className="button">
            {t("identity.persons.searchButton")}
          </button>
        </form>
      </search>
      <ResourceStatus resource={page} />
      {page.data !== undefined && page.data.persons.length === 0 && <p>{t("identity.persons.none")}</p>}
      {page.data !== undefined && page.data.persons.length > 0 && (
        <PersonsTable
          persons={page.data.persons}
          offset={query.offset}
          total={total}
          selected={selected}
          onShow={setSelected}
        />
      )}
      <Pager
        label={t("identity.persons.pages")}
        back={{
          text: t("identity.previous"),
          enabled: query.offset !== 0,
          go: () => setQuery((q) => ({ ...q, offset: Math.max(q.offset - PAGE, 0) })),
        }}
        forward={{
          text: t("identity.next"),
          enabled: query.offset + PAGE < total,
          go: () => setQuery((q) => ({ ...q, offset: q.offset + PAGE })),
        }}
      />
      {selected !== null && <PersonDetail key={selected} sub={selected} onChanged={page.reload} />}
    </>
  );
}
