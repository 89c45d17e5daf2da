import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { MemberCreate, Member as MemberSchema } from "../../../../../src/finance/contracts/api.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { appPath } from "../../../shared/app-path.ts";
import { TextField } from "../../../shared/components/field.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { canEditKeys, useAccount } from "../../access/index.ts";
import { firstOpenYear } from "../components/first-open-year.ts";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import { idFromName, useIdentifierMessages, withIdentifierChecks } from "./member-checks.ts";
import { emptyMemberDraft, type MemberDraft, toNewMemberBody } from "./member-draft.ts";
import { MemberFields } from "./member-fields.tsx";
import { MembershipFields } from "./membership-fields.tsx";

const PREFIX = "new-member";
/** The fields this form shows their errors next to; others are listed in the alert. */
const FIELDS = ["id", "name", "kind", "siren", "siret", "assembly", "from", "to"];

/**
 * « Ajouter un membre » (secretariat): a commune or group joins from an exercise — by default the
 * first one still in preparation — with its SIREN/SIRET (check digits verified here and by the
 * server), its assembly and public accountant. Errors show next to their field; on success the
 * new member's page opens. The secretariat alone manages membership, as it alone edits the keys
 * the new member must then be given a share in.
 */
export function AddMemberForm() {
  const { t } = useTranslation();
  const api = useApi();
  const account = useAccount();
  const navigate = useNavigate();
  const { entente, reload } = useEntente();
  const submit = useSubmit();
  const messages = useIdentifierMessages();
  const [draft, setDraft] = useState<MemberDraft>(() => emptyMemberDraft(firstOpenYear(entente)));
  const [id, setId] = useState("");
  if (!canEditKeys(account)) return null;
  const edit = (change: Partial<MemberDraft>) => {
    submit.reset();
    setDraft((d) => ({ ...d, ...change }));
  };
  const memberId = id.trim() === "" ? idFromName(draft.name) : id;
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const added = await submit.run(
      withIdentifierChecks(MemberCreate, messages),
      toNewMemberBody(memberId, draft),
      (b) => api.send("POST", `${financePaths.entente(entente.id)}/members`, b, MemberSchema),
    );
    if (added === undefined) return;
    reload();
    await navigate(appPath(entente.id, "members", added.id));
  };
  return (
    <details className="section card add-member">
      <summary>{t("members.addTitle")}</summary>
      <form className="form" onSubmit={(e) => void add(e)} noValidate aria-label={t("members.addTitle")}>
        <p className="hint">{t("members.addHint", { year: firstOpenYear(entente) })}</p>
        <ProblemAlert
          error={submit.error}
          shownFields={(f) => FIELDS.includes(f) || f.startsWith("accountant.")}
        />
        <MemberFields prefix={PREFIX} draft={draft} edit={edit} fieldError={submit.fieldError} />
        <TextField
          id={`${PREFIX}-id`}
          label={t("members.id")}
          hint={t("members.idHint")}
          value={id}
          placeholder={idFromName(draft.name)}
          onChange={(e) => {
            submit.reset();
            setId(e.target.value);
          }}
          error={submit.fieldError("id")}
        />
        <MembershipFields prefix={PREFIX} draft={draft} edit={edit} fieldError={submit.fieldError} />
        <SubmitButton saving={submit.saving} label={t("members.addSubmit")} />
      </form>
    </details>
  );
}
