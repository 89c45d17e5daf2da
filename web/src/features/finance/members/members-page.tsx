import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Member as MemberSchema, MemberUpdate } from "../../../../../src/finance/contracts/api.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { appPath } from "../../../shared/app-path.ts";
import { SelectField, TextField } from "../../../shared/components/field.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SaveNotice } from "../../../shared/components/save-notice.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { TableWrap } from "../../../shared/components/table-wrap.tsx";
import { useDraft } from "../../../shared/hooks/use-draft.ts";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { canEditMember, useAccount, useUnsavedChanges } from "../../access/index.ts";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { Member } from "../finance-types.ts";

const KINDS = MemberSchema.shape.kind.options;

/** The members of the entente; choosing one shows its record, editable by who may. */
export function MembersPage() {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const { memberId } = useParams();
  const selected = entente.members.find((m) => m.id === memberId);
  return (
    <>
      <PageHeader title={t("members.title")} />
      <TableWrap label={t("members.title")}>
        <table className="table">
          <caption>{t("members.caption", { count: entente.members.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("members.name")}</th>
              <th scope="col">{t("members.kind")}</th>
              <th scope="col">{t("members.siren")}</th>
              <th scope="col">{t("members.siret")}</th>
              <th scope="col">{t("members.assembly")}</th>
            </tr>
          </thead>
          <tbody>
            {entente.members.map((m) => (
              <tr key={m.id} aria-current={m.id === memberId ? "true" : undefined}>
                <th scope="row">
                  <Link to={appPath(entente.id, "members", m.id)}>{m.name}</Link>
                  {entente.budgetHolder === m.id && <span className="tag">{t("members.budgetHolder")}</span>}
                </th>
                <td>{t(`memberKinds.${m.kind}`)}</td>
                <td>{m.siren ?? "—"}</td>
                <td>{m.siret ?? "—"}</td>
                <td>{m.assembly ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {memberId !== undefined && selected === undefined && (
        <p className="alert alert--error" role="alert">
          {t("members.unknown", { id: memberId })}
        </p>
      )}
      {selected !== undefined && <MemberForm key={selected.id} member={selected} />}
    </>
  );
}

const toDraft = (member: Member) => ({
  name: member.name,
  kind: member.kind,
  siren: member.siren ?? "",
  siret: member.siret ?? "",
  assembly: member.assembly ?? "",
});

function MemberForm({ member }: { member: Member }) {
  const { t } = useTranslation();
  const api = useApi();
  const account = useAccount();
  const { entente, update, reload } = useEntente();
  const editable = canEditMember(account, member.id);
  const { draft, setDraft, adopt } = useDraft(member, member.rowVersion, toDraft);
  useUnsavedChanges(editable && JSON.stringify(draft) !== JSON.stringify(toDraft(member)));
  const submit = useSubmit();
  const edit = (change: Partial<typeof draft>) => {
    submit.reset();
    setDraft((d) => ({ ...d, ...change }));
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const orNull = (s: string) => (s.trim() === "" ? null : s.trim());
    const body = {
      name: draft.name,
      kind: draft.kind,
      siren: orNull(draft.siren),
      siret: orNull(draft.siret),
      assembly: orNull(draft.assembly),
      rowVersion: member.rowVersion,
    };
    const saved = await submit.run(MemberUpdate, body, (b) =>
      api.send("PUT", financePaths.member(entente.id, member.id), b, MemberSchema),
    );
    if (saved === undefined) return;
    adopt(saved.rowVersion, toDraft(saved));
    update((e) => ({ ...e, members: e.members.map((m) => (m.id === saved.id ? saved : m)) }));
  };
  const fields = ["name", "kind", "siren", "siret", "assembly"];
  return (
    <section aria-labelledby="member-form-title" className="section card">
      <h2 id="member-form-title">{member.name}</h2>
      {!editable && <p className="hint">{t("members.readOnly")}</p>}
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <ProblemAlert
          error={submit.error}
          shownFields={(f) => fields.includes(f)}
          onReload={() => {
            submit.reset();
            reload();
          }}
        />
        <fieldset disabled={!editable} className="fieldset">
          <legend className="visually-hidden">{t("members.formLegend", { name: member.name })}</legend>
          <TextField
            id="member-name"
            label={t("members.name")}
            value={draft.name}
            required
            onChange={(e) => edit({ name: e.target.value })}
            error={submit.fieldError("name")}
          />
          <SelectField
            id="member-kind"
            label={t("members.kind")}
            value={draft.kind}
            options={KINDS.map((k) => ({ value: k, label: t(`memberKinds.${k}`) }))}
            onChange={(e) => edit({ kind: e.target.value as Member["kind"] })}
            error={submit.fieldError("kind")}
          />
          <div className="form-row">
            <TextField
              id="member-siren"
              label={t("members.siren")}
              hint={t("members.sirenHint")}
              inputMode="numeric"
              value={draft.siren}
              onChange={(e) => edit({ siren: e.target.value })}
              error={submit.fieldError("siren")}
            />
            <TextField
              id="member-siret"
              label={t("members.siret")}
              hint={t("members.siretHint")}
              inputMode="numeric"
              value={draft.siret}
              onChange={(e) => edit({ siret: e.target.value })}
              error={submit.fieldError("siret")}
            />
          </div>
          <TextField
            id="member-assembly"
            label={t("members.assembly")}
            hint={t("members.assemblyHint")}
            value={draft.assembly}
            onChange={(e) => edit({ assembly: e.target.value })}
            error={submit.fieldError("assembly")}
          />
          {editable && <SubmitButton saving={submit.saving} label={t("actions.save")} />}
        </fieldset>
        <SaveNotice saved={submit.saved} />
      </form>
    </section>
  );
}
