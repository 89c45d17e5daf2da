import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import {
  Service,
  ServiceCreated,
  ServiceUpdate,
  ServiceWrite,
} from "../../../../../src/identity/contracts.ts";
import { serviceUriProblem } from "../../../../../src/shared/uri-rules.ts";
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
import { SecretRotateDialog } from "./secret-rotate-dialog.tsx";

type ServiceJson = z.infer<typeof Service>;
const ServiceList = z.array(Service);
const SCOPES = ["openid", "profile", "email", "organization", "groups", "offline_access"] as const;
const ACRS = ["", "urn:entente:acr:1fa", "urn:entente:acr:2fa"] as const;

const EMPTY = {
  name: "",
  redirectUris: "",
  postLogoutRedirectUris: "",
  backchannelLogoutUri: "",
  confidential: true,
  clientCredentials: false,
  refreshTokens: true,
  scopes: ["openid", "profile", "email", "organization"] as string[],
  allMembers: true,
  memberIds: [] as string[],
  roles: "" as "" | "agent" | "elu",
  groups: "",
  requiredAcr: "" as string,
  enabled: true,
};
type Draft = typeof EMPTY;

/** One URI per line: only line breaks separate them, so that a line with a space is refused whole. */
const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter((x) => x !== "");

function toDraft(s: ServiceJson): Draft {
  return {
    name: s.name,
    redirectUris: s.redirectUris.join("\n"),
    postLogoutRedirectUris: s.postLogoutRedirectUris.join("\n"),
    backchannelLogoutUri: s.backchannelLogoutUri ?? "",
    confidential: s.tokenEndpointAuthMethod !== "none",
    clientCredentials: s.grantTypes.includes("client_credentials"),
    refreshTokens: s.grantTypes.includes("refresh_token"),
    scopes: [...s.scopes],
    allMembers: s.policy.memberIds === null,
    memberIds: s.policy.memberIds ?? [],
    roles: s.policy.roles === null || s.policy.roles.length !== 1 ? "" : (s.policy.roles[0] ?? ""),
    groups: (s.policy.groups ?? []).join(", "),
    requiredAcr: s.requiredAcr ?? "",
    enabled: s.enabled,
  };
}

function toBody(d: Draft) {
  const groups = d.groups
    .split(",")
    .map((g) => g.trim())
    .filter((g) => g !== "");
  return {
    name: d.name,
    redirectUris: lines(d.redirectUris),
    postLogoutRedirectUris: lines(d.postLogoutRedirectUris),
    backchannelLogoutUri: d.backchannelLogoutUri.trim() === "" ? null : d.backchannelLogoutUri.trim(),
    grantTypes: [
      "authorization_code",
      ...(d.refreshTokens ? ["refresh_token"] : []),
      ...(d.clientCredentials && d.confidential ? ["client_credentials"] : []),
    ],
    tokenEndpointAuthMethod: d.confidential ? "client_secret_basic" : "none",
    scopes: d.scopes,
    policy: {
      memberIds: d.allMembers ? null : d.memberIds,
      roles: d.roles === "" ? null : [d.roles],
      groups: groups.length === 0 ? null : groups,
    },
    requiredAcr: d.requiredAcr === "" ? null : d.requiredAcr,
    enabled: d.enabled,
  };
}

type Translate = ReturnType<typeof useTranslation>["t"];
const URI_LISTS = ["redirectUris", "postLogoutRedirectUris"] as const;

/**
 * Adds to a body's schema the rules of the service's URIs (exact, https, no fragment…): a wrong
 * one is shown next to its field, naming its line, and nothing is sent. The server checks again.
 */
function withUriRules<B extends ReturnType<typeof toBody>>(schema: z.ZodType<B>, t: Translate) {
  return schema.superRefine((body, ctx) => {
    for (const field of URI_LISTS) {
      for (const [i, uri] of body[field].entries()) {
        const problem = serviceUriProblem(uri);
        if (problem === null) continue;
        ctx.addIssue({
          code: "custom",
          path: [field, i],
          message: t("identity.services.uriAt", {
            line: i + 1,
            uri,
            problem: t(`identity.services.uriProblems.${problem}`),
          }),
        });
      }
    }
    const single = body.backchannelLogoutUri;
    const problem = single === null ? null : serviceUriProblem(single);
    if (problem !== null) {
      ctx.addIssue({
        code: "custom",
        path: ["backchannelLogoutUri"],
        message: t("identity.services.uriOne", {
          uri: single,
          problem: t(`identity.services.uriProblems.${problem}`),
        }),
      });
    }
  });
}

/** The inputs of the form and the body paths they fill (errors go next to them, the summary links to them). */
function serviceFields(t: Translate): FormField[] {
  const s = (key: string) => t(`identity.services.${key}` as "identity.services.name");
  return [
    { id: "service-name", label: s("name"), path: "name" },
    { id: "service-redirects", label: s("redirectUris"), path: "redirectUris" },
    { id: "service-logout-redirects", label: s("postLogoutRedirectUris"), path: "postLogoutRedirectUris" },
    { id: "service-backchannel", label: s("backchannelLogoutUri"), path: "backchannelLogoutUri" },
    { id: "service-confidential", label: s("confidential"), path: "tokenEndpointAuthMethod" },
    { id: "service-refresh", label: s("grantTypes"), path: "grantTypes" },
    { id: "service-enabled", label: s("enabled"), path: "enabled" },
    { id: "service-scope-openid", label: s("claims"), path: "scopes" },
    { id: "service-acr", label: s("acr"), path: "requiredAcr" },
    { id: "service-all-members", label: s("members"), path: "policy.memberIds" },
    { id: "service-roles", label: s("roles"), path: "policy.roles" },
    { id: "service-groups", label: s("groups"), path: "policy.groups" },
  ];
}

/** Services (relying parties): list, register with exact redirect URIs, access policy and claims. */
export function IdentityServicesPage() {
  const { t } = useTranslation();
  const { entente, memberName } = useEntente();
  const account = useAccount();
  const manage = canManageIdentity(account);
  const services = useResource(identityPaths.services(entente.id), ServiceList);
  const [editing, setEditing] = useState<ServiceJson | "new" | null>(null);
  // The secret is shown once, right after creation or rotation, and forgotten on the next action.
  const [secret, setSecret] = useState<{ clientId: string; value: string } | null>(null);
  // A new form for each "add" or "edit" click; a save keeps the form (focus, saved notice).
  const [opened, setOpened] = useState(0);
  const open = (what: ServiceJson | "new") => {
    setSecret(null);
    setEditing(what);
    setOpened((n) => n + 1);
  };
  const secretBox = useRef<HTMLDivElement>(null);
  // shown at the top of the page: the focus (and the view) goes there, or it would go unseen
  useEffect(() => {
    if (secret !== null) secretBox.current?.focus();
  }, [secret]);
  // the service whose secret the person asked to replace: a dialog asks to confirm first
  const [rotating, setRotating] = useState<ServiceJson | null>(null);
  const policyText = (s: ServiceJson) =>
    [
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
  return (
    <>
      <PageHeader title={t("identity.services.title")}>
        {manage && (
          <button type="button" className="button" onClick={() => open("new")}>
            {t("identity.services.add")}
          </button>
        )}
      </PageHeader>
      <p className="lead">{t("identity.services.intro")}</p>
      <ResourceStatus resource={services} />
      {secret !== null && (
        <div role="status" className="alert alert--success" tabIndex={-1} ref={secretBox}>
          <p className="alert__title">{t("identity.services.secretOnce")}</p>
          <p>
            {t("identity.services.clientId")} <code>{secret.clientId}</code>
          </p>
          <p>
            {t("identity.services.clientSecret")} <code>{secret.value}</code>
          </p>
        </div>
      )}
      {services.data !== undefined && services.data.length === 0 && <p>{t("identity.services.none")}</p>}
      {services.data !== undefined && services.data.length > 0 && (
        <CaptionedTable
          caption={t("identity.services.caption", { count: services.data.length })}
          className="table"
        >
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
            {services.data.map((s) => (
              <tr key={s.clientId}>
                <th scope="row">{s.name}</th>
                <td>
                  <code>{s.clientId}</code>
                </td>
                <td>{policyText(s)}</td>
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
                      onClick={() => open(s)}
                    >
                      {t("identity.edit")}
                    </button>{" "}
                    {s.tokenEndpointAuthMethod !== "none" && (
                      <button
                        type="button"
                        className="button button--secondary"
                        aria-label={t("identity.services.rotateNamed", { name: s.name })}
                        onClick={() => {
                          setSecret(null);
                          setRotating(s);
                        }}
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
      )}
      {rotating !== null && (
        <SecretRotateDialog
          key={rotating.clientId}
          service={rotating}
          onRotated={(value) => {
            setSecret({ clientId: rotating.clientId, value });
            setRotating(null);
            services.reload();
          }}
          onClose={() => setRotating(null)}
        />
      )}
      {editing !== null && (
        <ServiceForm
          key={opened}
          service={editing === "new" ? null : editing}
          onCreated={(created) => {
            if (created.clientSecret !== null) {
              setSecret({ clientId: created.service.clientId, value: created.clientSecret });
            }
            setEditing(created.service);
            services.reload();
          }}
          onSaved={(saved) => {
            setEditing(saved);
            services.reload();
          }}
        />
      )}
    </>
  );
}

function ServiceForm({
  service,
  onCreated,
  onSaved,
}: {
  service: ServiceJson | null;
  onCreated: (c: z.infer<typeof ServiceCreated>) => void;
  onSaved: (s: ServiceJson) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { entente } = useEntente();
  const [draft, setDraft] = useState<Draft>(() => (service === null ? EMPTY : toDraft(service)));
  const submit = useSubmit();
  const heading = useRef<HTMLHeadingElement>(null);
  // opened by a button far above: the focus goes to the form
  useEffect(() => heading.current?.focus(), []);
  const edit = (change: Partial<Draft>) => {
    submit.reset();
    setDraft((d) => ({ ...d, ...change }));
  };
  const toggle = (list: string[], value: string, on: boolean) =>
    on ? [...list.filter((x) => x !== value), value] : list.filter((x) => x !== value);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (service === null) {
      const created = await submit.run(withUriRules(ServiceWrite, t), toBody(draft), (b) =>
        api.send("POST", identityPaths.services(entente.id), b, ServiceCreated),
      );
      if (created !== undefined) onCreated(created);
    } else {
      const saved = await submit.run(
        withUriRules(ServiceUpdate, t),
        { ...toBody(draft), rowVersion: service.rowVersion },
        (b) => api.send("PUT", identityPaths.service(entente.id, service.clientId), b, Service),
      );
      if (saved !== undefined) onSaved(saved);
    }
  };
  const errors = useFormProblems(submit.error, serviceFields(t));
  /** The props tying a checkbox that heads a group to the group's error list. */
  const checkError = (id: string) =>
    errors.of(id) === undefined ? {} : { "aria-invalid": true, "aria-describedby": `${id}-error` };
  const title =
    service === null ? t("identity.services.add") : t("identity.services.editNamed", { name: service.name });
  return (
    <section aria-labelledby="service-form-title" className="section card">
      <h2 id="service-form-title" tabIndex={-1} ref={heading}>
        {title}
      </h2>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormErrorSummary error={submit.error} problems={errors.problems} />
        <fieldset className="fieldset">
          <legend>{t("identity.services.general")}</legend>
          <TextField
            id="service-name"
            label={t("identity.services.name")}
            value={draft.name}
            required
            onChange={(e) => edit({ name: e.target.value })}
            error={errors.of("service-name")}
          />
          <TextAreaField
            id="service-redirects"
            label={t("identity.services.redirectUris")}
            hint={t("identity.services.redirectHint")}
            rows={3}
            value={draft.redirectUris}
            onChange={(e) => edit({ redirectUris: e.target.value })}
            error={errors.of("service-redirects")}
          />
          <TextAreaField
            id="service-logout-redirects"
            label={t("identity.services.postLogoutRedirectUris")}
            rows={2}
            value={draft.postLogoutRedirectUris}
            onChange={(e) => edit({ postLogoutRedirectUris: e.target.value })}
            error={errors.of("service-logout-redirects")}
          />
          <TextField
            id="service-backchannel"
            label={t("identity.services.backchannelLogoutUri")}
            value={draft.backchannelLogoutUri}
            onChange={(e) => edit({ backchannelLogoutUri: e.target.value })}
            error={errors.of("service-backchannel")}
          />
          <div className="field">
            <label className="checkbox">
              <input
                id="service-confidential"
                type="checkbox"
                checked={draft.confidential}
                {...checkError("service-confidential")}
                disabled={service !== null}
                onChange={(e) => edit({ confidential: e.target.checked })}
              />{" "}
              {t("identity.services.confidential")}
            </label>
            <label className="checkbox">
              <input
                id="service-refresh"
                type="checkbox"
                checked={draft.refreshTokens}
                {...checkError("service-refresh")}
                onChange={(e) => edit({ refreshTokens: e.target.checked })}
              />{" "}
              {t("identity.services.refreshTokens")}
            </label>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={draft.clientCredentials}
                disabled={!draft.confidential}
                onChange={(e) => edit({ clientCredentials: e.target.checked })}
              />{" "}
              {t("identity.services.clientCredentials")}
            </label>
            <label className="checkbox">
              <input
                id="service-enabled"
                type="checkbox"
                checked={draft.enabled}
                {...checkError("service-enabled")}
                onChange={(e) => edit({ enabled: e.target.checked })}
              />{" "}
              {t("identity.services.enabled")}
            </label>
            {["service-confidential", "service-refresh", "service-enabled"].map((id) => (
              <FieldErrorList key={id} id={`${id}-error`} messages={errors.all(id)} />
            ))}
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t("identity.services.claims")}</legend>
          {SCOPES.map((scope) => (
            <label key={scope} className="checkbox">
              <input
                type="checkbox"
                id={`service-scope-${scope}`}
                checked={draft.scopes.includes(scope)}
                {...(scope === "openid" ? checkError("service-scope-openid") : {})}
                onChange={(e) => edit({ scopes: toggle(draft.scopes, scope, e.target.checked) })}
              />{" "}
              <code>{scope}</code> — {t(`identity.services.scopes.${scope}`)}
            </label>
          ))}
          <FieldErrorList id="service-scope-openid-error" messages={errors.all("service-scope-openid")} />
          <SelectField
            id="service-acr"
            label={t("identity.services.acr")}
            value={draft.requiredAcr}
            options={ACRS.map((a) => ({
              value: a,
              label:
                a === ""
                  ? t("identity.services.acrs.asked")
                  : t(`identity.services.acrs.${a.endsWith("2fa") ? "2fa" : "1fa"}`),
            }))}
            onChange={(e) => edit({ requiredAcr: e.target.value })}
            error={errors.of("service-acr")}
          />
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t("identity.services.policy")}</legend>
          <label className="checkbox">
            <input
              id="service-all-members"
              type="checkbox"
              checked={draft.allMembers}
              {...checkError("service-all-members")}
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
            onChange={(e) => edit({ roles: e.target.value as Draft["roles"] })}
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
        <SubmitButton saving={submit.saving} label={t("actions.save")} />
        <SaveNotice saved={submit.saved} />
      </form>
    </section>
  );
}
