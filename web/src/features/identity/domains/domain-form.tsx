import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { MemberDomain, MemberDomainCreate, type Source } from "../../../../../src/identity/contracts.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { SelectField, TextField } from "../../../shared/components/field.tsx";
import { SaveNotice } from "../../../shared/components/save-notice.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useEntente } from "../../finance/index.ts";
import { FormErrorSummary } from "../components/form-error-summary.tsx";
import { useFormProblems } from "../components/use-form-problems.ts";
import { identityPaths } from "../identity-paths.ts";

type SourceJson = z.infer<typeof Source>;

/** Adds an email domain to a member, signed in by one of its sources (its first source unless chosen). */
export function DomainForm({ sources, onSaved }: { sources: SourceJson[]; onSaved: () => void }) {
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
