import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import {
  MemberDomain,
  MemberDomainCreate,
  RegisteredAddress,
  RegisteredAddressCreate,
  Source,
} from "../../../../../src/identity/contracts.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { SelectField, TextField } from "../../../shared/components/field.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { SaveNotice } from "../../../shared/components/save-notice.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { canManageIdentity, useAccount } from "../../access/index.ts";
import { useEntente } from "../../finance/index.ts";
import { FormErrorSummary, useFormProblems } from "../components/identity-form-errors.tsx";
import { identityPaths } from "../identity-paths.ts";

const DomainList = z.array(MemberDomain);
const AddressList = z.array(RegisteredAddress);
const SourceList = z.array(Source);

/** Email domains of the members, and the personal addresses (élus) registered for them. */
export function IdentityDomainsPage() {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const account = useAccount();
  const api = useApi();
  const manage = canManageIdentity(account);
  const domains = useResource(identityPaths.domains(entente.id), DomainList);
  const addresses = useResource(identityPaths.addresses(entente.id), AddressList);
  const sources = useResource(identityPaths.sources(entente.id), SourceList);
  const sourceLabel = (id: string | null) =>
    id === null ? t("identity.domains.firstSource") : (sources.data?.find((s) => s.id === id)?.label ?? id);
  const remove = useSubmit();
  const removeThen = async (path: string, reload: () => void) => {
    await remove.run(z.null(), null, () => api.send("DELETE", path, undefined, null));
    reload();
  };
  return (
    <>
      <PageHeader title={t("identity.domains.title")} />
      <p className="lead">{t("identity.domains.intro")}</p>
      <ProblemAlert error={remove.error} />
      <section aria-labelledby="domains-title" className="section">
        <h2 id="domains-title">{t("identity.domains.domains")}</h2>
        <ResourceStatus resource={domains} />
        {domains.data !== undefined && domains.data.length === 0 && <p>{t("identity.domains.noDomain")}</p>}
        {domains.data !== undefined && domains.data.length > 0 && (
          <CaptionedTable caption={t("identity.domains.domains")} className="table" hideCaption>
            <thead>
              <tr>
                <th scope="col">{t("identity.domains.domain")}</th>
                <th scope="col">{t("identity.member")}</th>
                <th scope="col">{t("identity.source")}</th>
                {manage && <th scope="col">{t("identity.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {domains.data.map((d) => (
                <tr key={d.domain}>
                  <th scope="row">{d.domain}</th>
                  <td>{d.memberName}</td>
                  <td>{sourceLabel(d.sourceId)}</td>
                  {manage && (
                    <td>
                      <button
                        type="button"
                        className="button button--secondary"
                        aria-label={t("identity.removeNamed", { name: d.domain })}
                        onClick={() =>
                          void removeThen(identityPaths.domain(entente.id, d.domain), domains.reload)
                        }
                      >
                        {t("identity.remove")}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </CaptionedTable>
        )}
        {manage && <DomainForm sources={sources.data ?? []} onSaved={domains.reload} />}
      </section>
      <section aria-labelledby="addresses-title" className="section">
        <h2 id="addresses-title">{t("identity.domains.addresses")}</h2>
        <p className="hint">{t("identity.domains.addressesIntro")}</p>
        <ResourceStatus resource={addresses} />
        {addresses.data !== undefined && addresses.data.length === 0 && (
          <p>{t("identity.domains.noAddress")}</p>
        )}
        {addresses.data !== undefined && addresses.data.length > 0 && (
          <CaptionedTable caption={t("identity.domains.addresses")} className="table" hideCaption>
            <thead>
              <tr>
                <th scope="col">{t("identity.email")}</th>
                <th scope="col">{t("identity.member")}</th>
                <th scope="col">{t("identity.source")}</th>
                <th scope="col">{t("identity.role")}</th>
                <th scope="col">{t("identity.domains.note")}</th>
                {manage && <th scope="col">{t("identity.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {addresses.data.map((a) => (
                <tr key={a.email}>
                  <th scope="row">{a.email}</th>
                  <td>{a.memberName}</td>
                  <td>{sourceLabel(a.sourceId)}</td>
                  <td>
                    {a.role === null ? t("identity.domains.roleFromSource") : t(`identity.roles.${a.role}`)}
                  </td>
                  <td>{a.note ?? "—"}</td>
                  {manage && (
                    <td>
                      <button
                        type="button"
                        className="button button--secondary"
                        aria-label={t("identity.removeNamed", { name: a.email })}
                        onClick={() =>
                          void removeThen(identityPaths.address(entente.id, a.email), addresses.reload)
                        }
                      >
                        {t("identity.remove")}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </CaptionedTable>
        )}
        {manage && <AddressForm sources={sources.data ?? []} onSaved={addresses.reload} />}
      </section>
    </>
  );
}

type SourceJson = z.infer<typeof Source>;

function DomainForm({ sources, onSaved }: { sources: SourceJson[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { entente } = useEntente();
  const [draft, setDraft] = useState({ domain: "", memberId: entente.members[0]?.id ?? "", sourceId: "" });
  const submit = useSubmit();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { domain: draft.domain, memberId: draft.memberId, sourceId: draft.sourceId || null };
    const saved = await submit.run(MemberDomainCreate, body, (b) =>
      api.send("POST", identityPaths.domains(entente.id), b, MemberDomain),
    );
    if (saved === undefined) return;
    setDraft((d) => ({ ...d, domain: "" }));
    onSaved();
  };
  const ofMember = sources.filter((s) => s.memberId === draft.memberId);
  const errors = useFormProblems(submit.error, [
    { id: "domain-name", label: t("identity.domains.domain"), path: "domain" },
    { id: "domain-member", label: t("identity.member"), path: "memberId" },
    { id: "domain-source", label: t("identity.source"), path: "sourceId" },
  ]);
  return (
    <form
      className="form card"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-labelledby="domain-form-title"
    >
      <h3 id="domain-form-title">{t("identity.domains.addDomain")}</h3>
      <FormErrorSummary error={submit.error} problems={errors.problems} />
      <TextField
        id="domain-name"
        label={t("identity.domains.domain")}
        hint={t("identity.domains.domainHint")}
        value={draft.domain}
        required
        onChange={(e) => setDraft((d) => ({ ...d, domain: e.target.value }))}
        error={errors.of("domain-name")}
      />
      <SelectField
        id="domain-member"
        label={t("identity.member")}
        value={draft.memberId}
        options={entente.members.map((m) => ({ value: m.id, label: m.name }))}
        onChange={(e) => setDraft((d) => ({ ...d, memberId: e.target.value, sourceId: "" }))}
        error={errors.of("domain-member")}
      />
      <SelectField
        id="domain-source"
        label={t("identity.source")}
        value={draft.sourceId}
        options={[
          { value: "", label: t("identity.domains.firstSource") },
          ...ofMember.map((s) => ({ value: s.id, label: s.label })),
        ]}
        onChange={(e) => setDraft((d) => ({ ...d, sourceId: e.target.value }))}
        error={errors.of("domain-source")}
      />
      <SubmitButton saving={submit.saving} label={t("identity.domains.addDomain")} />
      <SaveNotice saved={submit.saved} />
    </form>
  );
}

function AddressForm({ sources, onSaved }: { sources: SourceJson[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { entente } = useEntente();
  const [draft, setDraft] = useState({
    email: "",
    memberId: entente.members[0]?.id ?? "",
    sourceId: "",
    role: "elu",
    note: "",
  });
  const submit = useSubmit();
  const ofMember = sources.filter((s) => s.memberId === draft.memberId);
  const errors = useFormProblems(submit.error, [
    { id: "address-email", label: t("identity.email"), path: "email" },
    { id: "address-member", label: t("identity.member"), path: "memberId" },
    { id: "address-source", label: t("identity.source"), path: "sourceId" },
    { id: "address-role", label: t("identity.role"), path: "role" },
    { id: "address-note", label: t("identity.domains.note"), path: "note" },
  ]);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      email: draft.email,
      memberId: draft.memberId,
      sourceId: draft.sourceId || ofMember[0]?.id || "",
      role: draft.role === "" ? null : draft.role,
      note: draft.note.trim() === "" ? null : draft.note,
    };
    const saved = await submit.run(RegisteredAddressCreate, body, (b) =>
      api.send("POST", identityPaths.addresses(entente.id), b, RegisteredAddress),
    );
    if (saved === undefined) return;
    setDraft((d) => ({ ...d, email: "", note: "" }));
    onSaved();
  };
  return (
    <form
      className="form card"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-labelledby="address-form-title"
    >
      <h3 id="address-form-title">{t("identity.domains.addAddress")}</h3>
      <FormErrorSummary error={submit.error} problems={errors.problems} />
      <TextField
        id="address-email"
        type="email"
        label={t("identity.email")}
        value={draft.email}
        required
        onChange={(e) => setDraft((d) => ({ ...d, email: e.target.value }))}
        error={errors.of("address-email")}
      />
      <SelectField
        id="address-member"
        label={t("identity.member")}
        value={draft.memberId}
        options={entente.members.map((m) => ({ value: m.id, label: m.name }))}
        onChange={(e) => setDraft((d) => ({ ...d, memberId: e.target.value, sourceId: "" }))}
        error={errors.of("address-member")}
      />
      <SelectField
        id="address-source"
        label={t("identity.source")}
        hint={ofMember.length === 0 ? t("identity.domains.noSourceOfMember") : undefined}
        value={draft.sourceId || ofMember[0]?.id || ""}
        options={ofMember.map((s) => ({ value: s.id, label: s.label }))}
        onChange={(e) => setDraft((d) => ({ ...d, sourceId: e.target.value }))}
        error={errors.of("address-source")}
      />
      <SelectField
        id="address-role"
        label={t("identity.role")}
        value={draft.role}
        options={[
          { value: "elu", label: t("identity.roles.elu") },
          { value: "agent", label: t("identity.roles.agent") },
          { value: "", label: t("identity.domains.roleFromSource") },
        ]}
        onChange={(e) => setDraft((d) => ({ ...d, role: e.target.value }))}
        error={errors.of("address-role")}
      />
      <TextField
        id="address-note"
        label={t("identity.domains.note")}
        value={draft.note}
        onChange={(e) => setDraft((d) => ({ ...d, note: e.target.value }))}
        error={errors.of("address-note")}
      />
      <SubmitButton saving={submit.saving} label={t("identity.domains.addAddress")} />
      <SaveNotice saved={submit.saved} />
    </form>
  );
}
