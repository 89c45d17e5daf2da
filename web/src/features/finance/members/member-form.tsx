import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Member as MemberSchema, MemberUpdate } from "../../../../../src/finance/contracts/api.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SaveNotice } from "../../../shared/components/save-notice.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { useDraft } from "../../../shared/hooks/use-draft.ts";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { canEditMember, useAccount, useUnsavedChanges } from "../../access/index.ts";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { Member } from "../finance-types.ts";
import { useIdentifierMessages, withIdentifierChecks } from "./member-checks.ts";
import { type MemberDraft, toMemberBody, toMemberDraft } from "./member-draft.ts";
import { MemberFields } from "./member-fields.tsx";
import { MembershipFields } from "./membership-fields.tsx";

const FIELDS = ["name", "kind", "siren", "siret", "assembly", "from", "to"];

/** A member's record: editable by the secretariat and the member's own finance officer, read-only otherwise. */
export function MemberForm({ member }: { member: Member }) {
  const { t } = useTranslation();
  const api = useApi();
  const account = useAccount();
  const { entente, update, reload } = useEntente();
  const editable = canEditMember(account, member.id);
  const { draft, setDraft, adopt } = useDraft(member, member.rowVersion, toMemberDraft);
  useUnsavedChanges(editable && JSON.stringify(draft) !== JSON.stringify(toMemberDraft(member)));
  const submit = useSubmit();
  const messages = useIdentifierMessages();
  const edit = (change: Partial<MemberDraft>) => {
    submit.reset();
    setDraft((d) => ({ ...d, ...change }));
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await submit.run(
      withIdentifierChecks(MemberUpdate, messages),
      toMemberBody(draft, member),
      (b) => api.send("PUT", financePaths.member(entente.id, member.id), b, MemberSchema),
    );
    if (saved === undefined) return;
    adopt(saved.rowVersion, toMemberDraft(saved));
    update((e) => ({ ...e, members: e.members.map((m) => (m.id === saved.id ? saved : m)) }));
  };
  return (
    <section aria-labelledby="member-form-title" className="section card">
      <h2 id="member-form-title">{member.name}</h2>
      {!editable && <p className="hint">{t("members.readOnly")}</p>}
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <ProblemAlert
          error={submit.error}
          shownFields={(f) => FIELDS.includes(f) || f.startsWith("accountant.")}
          onReload={() => {
            submit.reset();
            reload();
          }}
        />
        <fieldset disabled={!editable} className="fieldset">
          <legend className="visually-hidden">{t("members.formLegend", { name: member.name })}</legend>
          <MemberFields draft={draft} edit={edit} fieldError={submit.fieldError} />
          <MembershipFields prefix="member" draft={draft} edit={edit} fieldError={submit.fieldError} />
          {editable && <SubmitButton saving={submit.saving} label={t("actions.save")} />}
        </fieldset>
        <SaveNotice saved={submit.saved} />
      </form>
    </section>
  );
}
