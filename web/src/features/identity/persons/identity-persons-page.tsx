import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { AffiliationDeclare, Person, PersonPage } from "../../../../../src/identity/contracts.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { DateText } from "../../../shared/components/date-text.tsx";
import { SelectField, TextField } from "../../../shared/components/field.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { SaveNotice } from "../../../shared/components/save-notice.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { canManageIdentity, useAccount } from "../../access/index.ts";
import { useEntente } from "../../finance/index.ts";
import { identityPaths } from "../identity-paths.ts";

type PersonJson = z.infer<typeof Person>;
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
        <CaptionedTable
          caption={t("identity.persons.caption", {
            from: query.offset + 1,
            to: query.offset + page.data.persons.length,
            total,
          })}
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
            {page.data.persons.map((p) => (
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
                    onClick={() => setSelected(p.sub)}
                  >
                    {t("identity.persons.show")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </CaptionedTable>
      )}
      <nav className="pager" aria-label={t("identity.persons.pages")}>
        <button
          type="button"
          className="button button--secondary"
          disabled={query.offset === 0}
          onClick={() => setQuery((q) => ({ ...q, offset: Math.max(q.offset - PAGE, 0) }))}
        >
          {t("identity.previous")}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={query.offset + PAGE >= total}
          onClick={() => setQuery((q) => ({ ...q, offset: q.offset + PAGE }))}
        >
          {t("identity.next")}
        </button>
      </nav>
      {selected !== null && <PersonDetail key={selected} sub={selected} onChanged={page.reload} />}
    </>
  );
}

function PersonDetail({ sub, onChanged }: { sub: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const api = useApi();
  const account = useAccount();
  const manage = canManageIdentity(account);
  const person = useResource(identityPaths.person(entente.id, sub), Person);
  const remove = useSubmit();
  const changed = (p: PersonJson | null | undefined) => {
    if (p) person.setData(p);
    else person.reload();
    onChanged();
  };
  const p = person.data;
  // opened from a row of the list above: once loaded, the focus goes to the person's name
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = p !== undefined;
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded]);
  return (
    <section aria-labelledby="person-title" className="section card">
      <ResourceStatus resource={person} />
      {p !== undefined && (
        <>
          <h2 id="person-title" tabIndex={-1} ref={heading}>
            {p.givenName} {p.usualName}
            {p.usualName !== p.familyName && ` (${t("identity.persons.born", { name: p.familyName })})`}
          </h2>
          <p>
            {t("identity.persons.sub")} <code>{p.sub}</code>
          </p>
          <ProblemAlert error={remove.error} />
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
              {p.affiliations.map((a) => (
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
                        <button
                          type="button"
                          className="button button--secondary"
                          aria-label={t("identity.removeNamed", { name: a.memberName })}
                          onClick={() =>
                            void remove
                              .run(z.null(), null, () =>
                                api.send(
                                  "DELETE",
                                  identityPaths.affiliation(entente.id, sub, a.memberId),
                                  undefined,
                                  null,
                                ),
                              )
                              .then(() => changed(null))
                          }
                        >
                          {t("identity.remove")}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </CaptionedTable>
          {p.links.length > 0 && (
            <>
              <h3>{t("identity.persons.links")}</h3>
              <ul>
                {p.links.map((l) => (
                  <li key={`${l.sourceId}:${l.upstreamId}`}>
                    {l.sourceLabel} — <code>{l.upstreamId}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
          {manage && <DeclareForm sub={sub} onSaved={changed} />}
        </>
      )}
    </section>
  );
}

function DeclareForm({ sub, onSaved }: { sub: string; onSaved: (p: PersonJson) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { entente } = useEntente();
  const [draft, setDraft] = useState({
    memberId: entente.members[0]?.id ?? "",
    role: "agent",
    email: "",
    groups: "",
  });
  const submit = useSubmit();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      memberId: draft.memberId,
      role: draft.role,
      email: draft.email.trim() === "" ? null : draft.email,
      groups: draft.groups
        .split(",")
        .map((g) => g.trim())
        .filter((g) => g !== ""),
    };
    const saved = await submit.run(AffiliationDeclare, body, (b) =>
      api.send("POST", identityPaths.affiliations(entente.id, sub), b, Person),
    );
    if (saved !== undefined) onSaved(saved);
  };
  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="declare-title">
      <h3 id="declare-title">{t("identity.persons.declare")}</h3>
      <p className="hint">{t("identity.persons.declareHint")}</p>
      <ProblemAlert error={submit.error} shownFields={(f) => f === "email"} />
      <SelectField
        id="declare-member"
        label={t("identity.member")}
        value={draft.memberId}
        options={entente.members.map((m) => ({ value: m.id, label: m.name }))}
        onChange={(e) => setDraft((d) => ({ ...d, memberId: e.target.value }))}
      />
      <SelectField
        id="declare-role"
        label={t("identity.role")}
        value={draft.role}
        options={[
          { value: "agent", label: t("identity.roles.agent") },
          { value: "elu", label: t("identity.roles.elu") },
        ]}
        onChange={(e) => setDraft((d) => ({ ...d, role: e.target.value }))}
      />
      <TextField
        id="declare-email"
        type="email"
        label={t("identity.email")}
        hint={t("identity.persons.emailHint")}
        value={draft.email}
        onChange={(e) => setDraft((d) => ({ ...d, email: e.target.value }))}
        error={submit.fieldError("email")}
      />
      <TextField
        id="declare-groups"
        label={t("identity.persons.groups")}
        hint={t("identity.services.groupsHint")}
        value={draft.groups}
        onChange={(e) => setDraft((d) => ({ ...d, groups: e.target.value }))}
      />
      <SubmitButton saving={submit.saving} label={t("identity.persons.declare")} />
      <SaveNotice saved={submit.saved} />
    </form>
  );
}
