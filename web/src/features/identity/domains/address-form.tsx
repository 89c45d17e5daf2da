import { type FormEvent, useState } from "react";
import type { z } from "zod";
import {
  RegisteredAddress,
  RegisteredAddressCreate,
  type Source,
} from "../../../../../src/identity/contracts.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { SelectField, TextField } from "../../../shared/components/field.tsx";
import { SaveNotice } from "../../../shared/components/save-notice.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useTranslate } from "../../../shared/i18n/translate.ts";
import { useEntente } from "../../finance/index.ts";
import { FormErrorSummary } from "../components/form-error-summary.tsx";
import { useFormProblems } from "../components/use-form-problems.ts";
import { identityPaths } from "../identity-paths.ts";
import { addressFields, newAddressDraft, toAddressBody } from "./address-draft.ts";

type SourceJson = z.infer<typeof Source>;

/**
 * Registers a personal address for a member: the source that signs it in (the member's first
 * unless chosen), and the role it gets (élu by default, or the source's).
 */
export function AddressForm({ sources, onSaved }: { sources: SourceJson[]; onSaved: () => void }) {
  const t = useTranslate();
  const api = useApi();
  const { entente } = useEntente();
  const [draft, setDraft] = useState(() => newAddressDraft(entente.members[0]?.id ?? ""));
  const submit = useSubmit();
  const ofMember = sources.filter((s) => s.memberId === draft.memberId);
  const errors = useFormProblems(submit.error, addressFields(t));
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await submit.run(RegisteredAddressCreate, toAddressBody(draft, ofMember[0]?.id), (b) =>
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
