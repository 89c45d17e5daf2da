import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { AffiliationDeclare, Person } from "../../../../../src/identity/contracts.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { SelectField, TextField } from "../../../shared/components/field.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SaveNotice } from "../../../shared/components/save-notice.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useEntente } from "../../finance/index.ts";
import { identityPaths } from "../identity-paths.ts";

type PersonJson = z.infer<typeof Person>;

/** Declares an organisation a person belongs to that no source says (an agent shared by two members). */
export function DeclareForm({ sub, onSaved }: { sub: string; onSaved: (p: PersonJson) => void }) {
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
