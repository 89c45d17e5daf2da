import { useState } from "react";
import { useTranslation } from "react-i18next";
import { IdentityEventKind, IdentityEventPage } from "../../../../../src/identity/contracts.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { DateText } from "../../../shared/components/date-text.tsx";
import { SelectField, TextField } from "../../../shared/components/field.tsx";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { useEntente } from "../../finance/index.ts";
import { identityPaths } from "../identity-paths.ts";

const KINDS = IdentityEventKind.options;
const NO_FILTER = { kind: "", memberId: "", sub: "", clientId: "", from: "", to: "" };

/** The sign-in log (journal des connexions): sign-ins, refusals, failures, logouts; filters; pages newest first. */
export function IdentityEventsPage() {
  const { t } = useTranslation();
  const { entente, memberName } = useEntente();
  const [draft, setDraft] = useState(NO_FILTER);
  const [filters, setFilters] = useState(NO_FILTER);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const before = cursors.at(-1) ?? null;
  const day = (d: string, end: boolean) => (d === "" ? null : `${d}T${end ? "23:59:59.999" : "00:00:00"}Z`);
  const page = useResource(
    identityPaths.events(entente.id, {
      kind: filters.kind || null,
      memberId: filters.memberId || null,
      sub: filters.sub.trim() || null,
      clientId: filters.clientId.trim() || null,
      from: day(filters.from, false),
      to: day(filters.to, true),
      before,
    }),
    IdentityEventPage,
  );
  const events = page.data?.events ?? [];
  const next = page.data?.nextBefore ?? null;
  return (
    <>
      <PageHeader title={t("identity.events.title")} />
      <p className="lead">{t("identity.events.intro")}</p>
      <form
        className="form form--inline"
        aria-label={t("identity.events.filters")}
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
          setCursors([null]);
        }}
      >
        <SelectField
          id="events-kind"
          label={t("identity.events.kind")}
          value={draft.kind}
          options={[
            { value: "", label: t("identity.events.all") },
            ...KINDS.map((k) => ({ value: k, label: t(`identity.events.kinds.${k}`) })),
          ]}
          onChange={(e) => setDraft((d) => ({ ...d, kind: e.target.value }))}
        />
        <SelectField
          id="events-member"
          label={t("identity.member")}
          value={draft.memberId}
          options={[
            { value: "", label: t("identity.events.all") },
            ...entente.members.map((m) => ({ value: m.id, label: m.name })),
          ]}
          onChange={(e) => setDraft((d) => ({ ...d, memberId: e.target.value }))}
        />
        <TextField
          id="events-client"
          label={t("identity.events.client")}
          value={draft.clientId}
          onChange={(e) => setDraft((d) => ({ ...d, clientId: e.target.value }))}
        />
        <TextField
          id="events-sub"
          label={t("identity.persons.sub")}
          value={draft.sub}
          onChange={(e) => setDraft((d) => ({ ...d, sub: e.target.value }))}
        />
        <TextField
          id="events-from"
          type="date"
          label={t("identity.events.from")}
          value={draft.from}
          onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))}
        />
        <TextField
          id="events-to"
          type="date"
          label={t("identity.events.to")}
          value={draft.to}
          onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))}
        />
        <button type="submit" className="button">
          {t("identity.events.apply")}
        </button>
      </form>
      <ResourceStatus resource={page} />
      {page.data !== undefined && events.length === 0 && <p>{t("identity.events.none")}</p>}
      {events.length > 0 && (
        <CaptionedTable caption={t("identity.events.caption", { page: cursors.length })} className="table">
          <thead>
            <tr>
              <th scope="col">{t("identity.events.at")}</th>
              <th scope="col">{t("identity.events.kind")}</th>
              <th scope="col">{t("identity.member")}</th>
              <th scope="col">{t("identity.events.client")}</th>
              <th scope="col">{t("identity.persons.sub")}</th>
              <th scope="col">{t("identity.events.code")}</th>
              <th scope="col">{t("identity.events.request")}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>
                  <DateText value={e.at} withTime />
                </td>
                <td>{t(`identity.events.kinds.${e.kind}`)}</td>
                <td>{e.memberId === null ? "—" : memberName(e.memberId)}</td>
                <td>{e.clientId ?? "—"}</td>
                <td>{e.sub === null ? "—" : <code>{e.sub}</code>}</td>
                <td>{e.code === null ? "—" : <code>{e.code}</code>}</td>
                <td>{e.requestId === null ? "—" : <code>{e.requestId}</code>}</td>
              </tr>
            ))}
          </tbody>
        </CaptionedTable>
      )}
      <nav className="pager" aria-label={t("identity.events.pages")}>
        <button
          type="button"
          className="button button--secondary"
          disabled={cursors.length === 1}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          {t("identity.events.newer")}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={next === null}
          onClick={() => next !== null && setCursors((c) => [...c, next])}
        >
          {t("identity.events.older")}
        </button>
      </nav>
    </>
  );
}
