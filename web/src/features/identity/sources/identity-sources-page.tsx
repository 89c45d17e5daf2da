import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Source, SourceCreate, SourceUpdate } from "../../../../../src/identity/contracts.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { SelectField, TextAreaField, TextField } from "../../../shared/components/field.tsx";
import { FieldErrorList } from "../../../shared/components/field-error-list.tsx";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { SaveNotice } from "../../../shared/components/save-notice.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { canManageIdentity, useAccount } from "../../access/index.ts";
import { useEntente } from "../../finance/index.ts";
import { FormErrorSummary, type FormField, useFormProblems } from "../components/identity-form-errors.tsx";
import { identityPaths } from "../identity-paths.ts";

type SourceJson = z.infer<typeof Source>;
const SourceList = z.array(Source);
const KINDS = ["ldap", "oidc", "saml", "local"] as const;

/** Every field of the form as text, whatever the kind (only the kind's own are sent). */
const EMPTY = {
  kind: "ldap" as SourceJson["kind"],
  memberId: "",
  label: "",
  enabled: true,
  secret: "",
  url: "ldaps://",
  startTls: false,
  tlsCaPem: "",
  bindDn: "",
  searchBase: "",
  searchFilter: "(&(objectClass=person)(|(uid={login})(mail={login})))",
  idAttribute: "entryUUID",
  idEncoding: "text" as "text" | "guid",
  timeoutSeconds: "5",
  issuer: "https://",
  clientId: "",
  scopes: "openid profile email",
  idpEntityId: "",
  ssoUrl: "https://",
  idpCertificates: "",
  clockSkewSeconds: "60",
  samlIdAttribute: "nameID",
  givenName: "givenName",
  familyName: "sn",
  usualName: "",
  email: "mail",
  uid: "uid",
  groups: "memberOf",
  roleMode: "fixed" as "fixed" | "attribute",
  fixedRole: "agent" as "agent" | "elu",
  roleAttribute: "",
  eluValues: "",
};
type Draft = typeof EMPTY;

function toDraft(s: SourceJson): Draft {
  const m = s.mapping;
  const draft: Draft = {
    ...EMPTY,
    kind: s.kind,
    memberId: s.memberId,
    label: s.label,
    enabled: s.enabled,
    givenName: m.givenName,
    familyName: m.familyName,
    usualName: m.usualName ?? "",
    email: m.email,
    uid: m.uid,
    groups: m.groups ?? "",
    roleMode: "fixed" in m.role ? "fixed" : "attribute",
    fixedRole: "fixed" in m.role ? m.role.fixed : "agent",
    roleAttribute: "attribute" in m.role ? m.role.attribute : "",
    eluValues: "eluValues" in m.role ? m.role.eluValues.join(", ") : "",
  };
  if (s.kind === "ldap") {
    const l = s.ldap;
    Object.assign(draft, {
      url: l.url,
      startTls: l.startTls,
      tlsCaPem: l.tlsCaPem ?? "",
      bindDn: l.bindDn ?? "",
      searchBase: l.searchBase,
      searchFilter: l.searchFilter,
      idAttribute: l.idAttribute,
      idEncoding: l.idEncoding,
      timeoutSeconds: String(l.timeoutSeconds),
    });
  }
  if (s.kind === "oidc") Object.assign(draft, { ...s.oidc, scopes: s.oidc.scopes.join(" ") });
  if (s.kind === "saml") {
    Object.assign(draft, {
      idpEntityId: s.saml.idpEntityId,
      ssoUrl: s.saml.ssoUrl,
      idpCertificates: s.saml.idpCertificates.join("\n"),
      clockSkewSeconds: String(s.saml.clockSkewSeconds),
      samlIdAttribute: s.saml.idAttribute,
    });
  }
  return draft;
}

const orNull = (s: string) => (s.trim() === "" ? null : s.trim());
const list = (s: string, separator: RegExp) =>
  s
    .split(separator)
    .map((x) => x.trim())
    .filter((x) => x !== "");

function toBody(d: Draft, rowVersion: number | null): Record<string, unknown> {
  const body: Record<string, unknown> = {
    kind: d.kind,
    memberId: d.memberId,
    label: d.label,
    enabled: d.enabled,
    mapping: {
      givenName: d.givenName,
      familyName: d.familyName,
      usualName: orNull(d.usualName),
      email: d.email,
      uid: d.uid,
      groups: orNull(d.groups),
      role:
        d.roleMode === "fixed"
          ? { fixed: d.fixedRole }
          : { attribute: d.roleAttribute, eluValues: list(d.eluValues, /,/) },
    },
    // Write-only: an empty field keeps the stored secret (never sent back by the server).
    ...(d.secret === "" ? {} : { secret: d.secret }),
    ...(rowVersion === null ? {} : { rowVersion }),
  };
  if (d.kind === "ldap") {
    body.ldap = {
      url: d.url.trim(),
      startTls: d.startTls,
      tlsCaPem: orNull(d.tlsCaPem),
      bindDn: orNull(d.bindDn),
      searchBase: d.searchBase,
      searchFilter: d.searchFilter,
      idAttribute: d.idAttribute,
      idEncoding: d.idEncoding,
      timeoutSeconds: Number(d.timeoutSeconds),
    };
  }
  if (d.kind === "oidc")
    body.oidc = { issuer: d.issuer.trim(), clientId: d.clientId, scopes: list(d.scopes, /\s+/) };
  if (d.kind === "saml") {
    body.saml = {
      idpEntityId: d.idpEntityId,
      ssoUrl: d.ssoUrl.trim(),
      idpCertificates: d.idpCertificates
        .split(/(?<=-----END CERTIFICATE-----)/)
        .map((c) => c.trim())
        .filter((c) => c !== ""),
      clockSkewSeconds: Number(d.clockSkewSeconds),
      idAttribute: d.samlIdAttribute,
    };
  }
  return body;
}

type Translate = ReturnType<typeof useTranslation>["t"];

/** Text inputs of the form (`source-<key>`) and the body path each fills. */
const TEXT_PATHS = {
  label: "label",
  url: "ldap.url",
  bindDn: "ldap.bindDn",
  searchBase: "ldap.searchBase",
  searchFilter: "ldap.searchFilter",
  idAttribute: "ldap.idAttribute",
  timeoutSeconds: "ldap.timeoutSeconds",
  tlsCaPem: "ldap.tlsCaPem",
  issuer: "oidc.issuer",
  clientId: "oidc.clientId",
  scopes: "oidc.scopes",
  idpEntityId: "saml.idpEntityId",
  ssoUrl: "saml.ssoUrl",
  idpCertificates: "saml.idpCertificates",
  clockSkewSeconds: "saml.clockSkewSeconds",
  samlIdAttribute: "saml.idAttribute",
  givenName: "mapping.givenName",
  familyName: "mapping.familyName",
  usualName: "mapping.usualName",
  email: "mapping.email",
  uid: "mapping.uid",
  groups: "mapping.groups",
  roleAttribute: "mapping.role.attribute",
  eluValues: "mapping.role.eluValues",
} as const;
type TextKey = keyof typeof TEXT_PATHS;

/** The inputs of the form for a source of `kind` and the body paths they fill. */
function sourceFields(t: Translate, kind: Draft["kind"]): FormField[] {
  const f = (key: string) => t(`identity.sources.fields.${key}` as "identity.sources.fields.label");
  return [
    ...Object.entries(TEXT_PATHS).map(([key, path]) => ({ id: `source-${key}`, label: f(key), path })),
    { id: "source-kind", label: t("identity.sources.kind"), path: "kind" },
    { id: "source-member", label: t("identity.member"), path: "memberId" },
    { id: "source-enabled", label: f("enabled"), path: "enabled" },
    { id: "source-secret", label: f(kind === "ldap" ? "bindPassword" : "clientSecret"), path: "secret" },
    { id: "source-startTls", label: f("startTls"), path: "ldap.startTls" },
    { id: "source-idEncoding", label: f("idEncoding"), path: "ldap.idEncoding" },
    { id: "source-roleMode", label: f("roleMode"), path: "mapping.role" },
    { id: "source-fixedRole", label: t("identity.role"), path: "mapping.role.fixed" },
  ];
}

/** Identity sources of the members: list, connect one (LDAP/AD, OIDC, SAML, local accounts), edit. */
export function IdentitySourcesPage() {
  const { t } = useTranslation();
  const { entente, memberName } = useEntente();
  const account = useAccount();
  const sources = useResource(identityPaths.sources(entente.id), SourceList);
  const [editing, setEditing] = useState<SourceJson | "new" | null>(null);
  // A new form for each "add" or "edit" click; a save keeps the form (focus, saved notice).
  const [opened, setOpened] = useState(0);
  const open = (what: SourceJson | "new") => {
    setEditing(what);
    setOpened((n) => n + 1);
  };
  const manage = canManageIdentity(account);
  return (
    <>
      <PageHeader title={t("identity.sources.title")}>
        {manage && (
          <button type="button" className="button" onClick={() => open("new")}>
            {t("identity.sources.add")}
          </button>
        )}
      </PageHeader>
      <p className="lead">{t("identity.sources.intro")}</p>
      <ResourceStatus resource={sources} />
      {sources.data !== undefined && sources.data.length === 0 && <p>{t("identity.sources.none")}</p>}
      {sources.data !== undefined && sources.data.length > 0 && (
        <CaptionedTable
          caption={t("identity.sources.caption", { count: sources.data.length })}
          className="table"
        >
          <thead>
            <tr>
              <th scope="col">{t("identity.sources.label")}</th>
              <th scope="col">{t("identity.member")}</th>
              <th scope="col">{t("identity.sources.kind")}</th>
              <th scope="col">{t("identity.sources.state")}</th>
              <th scope="col">{t("identity.sources.secret")}</th>
              {manage && <th scope="col">{t("identity.actions")}</th>}
            </tr>
          </thead>
          <tbody>
            {sources.data.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.label}</th>
                <td>{memberName(s.memberId)}</td>
                <td>{t(`identity.kinds.${s.kind}`)}</td>
                <td>{s.enabled ? t("identity.sources.enabled") : t("identity.sources.disabled")}</td>
                <td>{s.hasSecret ? t("identity.sources.secretSet") : "—"}</td>
                {manage && (
                  <td>
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => open(s)}
                      aria-label={t("identity.sources.editNamed", { label: s.label })}
                    >
                      {t("identity.edit")}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </CaptionedTable>
      )}
      {editing !== null && (
        <SourceForm
          key={opened}
          source={editing === "new" ? null : editing}
          onSaved={(saved) => {
            setEditing(saved);
            sources.reload();
          }}
        />
      )}
    </>
  );
}

function SourceForm({ source, onSaved }: { source: SourceJson | null; onSaved: (s: SourceJson) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { entente } = useEntente();
  const [draft, setDraft] = useState<Draft>(() =>
    source === null ? { ...EMPTY, memberId: entente.members[0]?.id ?? "" } : toDraft(source),
  );
  const submit = useSubmit();
  const heading = useRef<HTMLHeadingElement>(null);
  // opened by a button far above: the focus goes to the form
  useEffect(() => heading.current?.focus(), []);
  const edit = (change: Partial<Draft>) => {
    submit.reset();
    setDraft((d) => ({ ...d, ...change }));
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const saved =
      source === null
        ? await submit.run(SourceCreate, toBody(draft, null), (b) =>
            api.send("POST", identityPaths.sources(entente.id), b, Source),
          )
        : await submit.run(SourceUpdate, toBody(draft, source.rowVersion), (b) =>
            api.send("PUT", identityPaths.source(entente.id, source.id), b, Source),
          );
    if (saved === undefined) return;
    // the secret is write-only: once stored, the field is emptied (an empty field keeps it)
    setDraft((d) => ({ ...d, secret: "" }));
    onSaved(saved);
  };
  const errors = useFormProblems(submit.error, sourceFields(t, draft.kind));
  const text = (id: TextKey, extra: { hint?: string; required?: boolean } = {}) => (
    <TextField
      id={`source-${id}`}
      label={t(`identity.sources.fields.${id}` as "identity.sources.fields.label")}
      value={String(draft[id])}
      onChange={(e) => edit({ [id]: e.target.value } as Partial<Draft>)}
      error={errors.of(`source-${id}`)}
      {...extra}
    />
  );
  const checkError = (id: string) =>
    errors.of(id) === undefined ? {} : { "aria-invalid": true, "aria-describedby": `${id}-error` };
  const title =
    source === null ? t("identity.sources.add") : t("identity.sources.editNamed", { label: source.label });
  return (
    <section aria-labelledby="source-form-title" className="section card">
      <h2 id="source-form-title" tabIndex={-1} ref={heading}>
        {title}
      </h2>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormErrorSummary error={submit.error} problems={errors.problems} />
        <fieldset className="fieldset">
          <legend>{t("identity.sources.general")}</legend>
          <SelectField
            id="source-kind"
            label={t("identity.sources.kind")}
            value={draft.kind}
            disabled={source !== null}
            hint={source === null ? undefined : t("identity.sources.kindFixed")}
            options={KINDS.map((k) => ({ value: k, label: t(`identity.kinds.${k}`) }))}
            onChange={(e) => edit({ kind: e.target.value as Draft["kind"] })}
            error={errors.of("source-kind")}
          />
          <SelectField
            id="source-member"
            label={t("identity.member")}
            value={draft.memberId}
            disabled={source !== null}
            options={entente.members.map((m) => ({ value: m.id, label: m.name }))}
            onChange={(e) => edit({ memberId: e.target.value })}
            error={errors.of("source-member")}
          />
          {text("label", { required: true })}
          <div className="field">
            <label className="checkbox">
              <input
                id="source-enabled"
                type="checkbox"
                checked={draft.enabled}
                onChange={(e) => edit({ enabled: e.target.checked })}
                {...checkError("source-enabled")}
              />{" "}
              {t("identity.sources.fields.enabled")}
            </label>
            <FieldErrorList id="source-enabled-error" messages={errors.all("source-enabled")} />
          </div>
          {(draft.kind === "ldap" || draft.kind === "oidc") && (
            <TextField
              id="source-secret"
              type="password"
              autoComplete="new-password"
              label={
                draft.kind === "ldap"
                  ? t("identity.sources.fields.bindPassword")
                  : t("identity.sources.fields.clientSecret")
              }
              hint={source?.hasSecret ? t("identity.sources.secretKeep") : undefined}
              value={draft.secret}
              onChange={(e) => edit({ secret: e.target.value })}
              error={errors.of("source-secret")}
            />
          )}
        </fieldset>
        {draft.kind === "ldap" && (
          <fieldset className="fieldset">
            <legend>{t("identity.kinds.ldap")}</legend>
            {text("url", { hint: t("identity.sources.hints.url"), required: true })}
            <div className="field">
              <label className="checkbox">
                <input
                  id="source-startTls"
                  type="checkbox"
                  checked={draft.startTls}
                  onChange={(e) => edit({ startTls: e.target.checked })}
                  {...checkError("source-startTls")}
                />{" "}
                {t("identity.sources.fields.startTls")}
              </label>
              <FieldErrorList id="source-startTls-error" messages={errors.all("source-startTls")} />
            </div>
            {text("bindDn")}
            {text("searchBase", { required: true })}
            {text("searchFilter", {
              hint: t("identity.sources.hints.searchFilter"),
              required: true,
            })}
            {text("idAttribute", { hint: t("identity.sources.hints.idAttribute") })}
            <SelectField
              id="source-idEncoding"
              label={t("identity.sources.fields.idEncoding")}
              value={draft.idEncoding}
              options={[
                { value: "text", label: t("identity.sources.encodings.text") },
                { value: "guid", label: t("identity.sources.encodings.guid") },
              ]}
              onChange={(e) => edit({ idEncoding: e.target.value as Draft["idEncoding"] })}
              error={errors.of("source-idEncoding")}
            />
            {text("timeoutSeconds")}
            <TextAreaField
              id="source-tlsCaPem"
              label={t("identity.sources.fields.tlsCaPem")}
              rows={4}
              value={draft.tlsCaPem}
              onChange={(e) => edit({ tlsCaPem: e.target.value })}
              error={errors.of("source-tlsCaPem")}
            />
          </fieldset>
        )}
        {draft.kind === "oidc" && (
          <fieldset className="fieldset">
            <legend>{t("identity.kinds.oidc")}</legend>
            {text("issuer", { required: true })}
            {text("clientId", { required: true })}
            {text("scopes", { hint: t("identity.sources.hints.scopes") })}
          </fieldset>
        )}
        {draft.kind === "saml" && (
          <fieldset className="fieldset">
            <legend>{t("identity.kinds.saml")}</legend>
            {text("idpEntityId", { required: true })}
            {text("ssoUrl", { required: true })}
            <TextAreaField
              id="source-idpCertificates"
              label={t("identity.sources.fields.idpCertificates")}
              hint={t("identity.sources.hints.idpCertificates")}
              rows={6}
              value={draft.idpCertificates}
              onChange={(e) => edit({ idpCertificates: e.target.value })}
              error={errors.of("source-idpCertificates")}
            />
            {text("clockSkewSeconds")}
            {text("samlIdAttribute", {
              hint: t("identity.sources.hints.samlIdAttribute"),
            })}
          </fieldset>
        )}
        <fieldset className="fieldset">
          <legend>{t("identity.sources.mapping")}</legend>
          <p className="hint">{t("identity.sources.mappingHint")}</p>
          {text("givenName", { required: true })}
          {text("familyName", { required: true })}
          {text("usualName")}
          {text("email", { required: true })}
          {text("uid", { required: true })}
          {text("groups")}
          <SelectField
            id="source-roleMode"
            label={t("identity.sources.fields.roleMode")}
            value={draft.roleMode}
            options={[
              { value: "fixed", label: t("identity.sources.roleModes.fixed") },
              { value: "attribute", label: t("identity.sources.roleModes.attribute") },
            ]}
            onChange={(e) => edit({ roleMode: e.target.value as Draft["roleMode"] })}
            error={errors.of("source-roleMode")}
          />
          {draft.roleMode === "fixed" ? (
            <SelectField
              id="source-fixedRole"
              label={t("identity.role")}
              value={draft.fixedRole}
              options={[
                { value: "agent", label: t("identity.roles.agent") },
                { value: "elu", label: t("identity.roles.elu") },
              ]}
              onChange={(e) => edit({ fixedRole: e.target.value as Draft["fixedRole"] })}
              error={errors.of("source-fixedRole")}
            />
          ) : (
            <>
              {text("roleAttribute")}
              {text("eluValues", { hint: t("identity.sources.hints.eluValues") })}
            </>
          )}
        </fieldset>
        <SubmitButton saving={submit.saving} label={t("actions.save")} />
        <SaveNotice saved={submit.saved} />
      </form>
    </section>
  );
}
