import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Announcement, AnnouncementWrite } from "../../../../../src/workplace/contracts.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { SelectField, TextAreaField, TextField } from "../../../shared/components/field.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SaveNotice } from "../../../shared/components/save-notice.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { type Submit, useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useEntente } from "../../finance/index.ts";
import { workplacePaths } from "../workplace-paths.ts";

const EMPTY = {
  title: "",
  body: "",
  shownFrom: "",
  shownUntil: "",
  member: "",
  role: "",
  groups: "",
  ack: false,
};
type Draft = typeof EMPTY;

type FieldProps = {
  draft: Draft;
  set: (field: keyof Draft) => (e: { target: { value: string } }) => void;
  setDraft: (change: (d: Draft) => Draft) => void;
  submit: Submit;
  forMember: string | null;
};

/** The announcement's fields, each with its server-side error. */
function AnnouncementFields(props: FieldProps) {
  const { draft, set, submit } = props;
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id="announcement-title"
        label={t("workplace.announcements.titleField")}
        value={draft.title}
        required
        onChange={set("title")}
        error={submit.fieldError("title")}
      />
      <TextAreaField
        id="announcement-body"
        label={t("workplace.announcements.body")}
        value={draft.body}
        rows={4}
        onChange={set("body")}
        error={submit.fieldError("body")}
      />
      <TextField
        id="announcement-from"
        type="date"
        label={t("workplace.announcements.shownFrom")}
        value={draft.shownFrom}
        required
        onChange={set("shownFrom")}
        error={submit.fieldError("shownFrom")}
      />
      <TextField
        id="announcement-until"
        type="date"
        label={t("workplace.announcements.shownUntil")}
        hint={t("workplace.announcements.shownUntilHint")}
        value={draft.shownUntil}
        onChange={set("shownUntil")}
        error={submit.fieldError("shownUntil")}
      />
      <AudienceFields {...props} />
    </>
  );
}

/** Whom the announcement is for, and whether reading it must be confirmed. */
function AudienceFields({ draft, set, setDraft, submit, forMember }: FieldProps) {
  const { t } = useTranslation();
  const { entente, memberName } = useEntente();
  const members = [
    { value: "", label: t("workplace.announcements.everyMember") },
    ...entente.members.map((m) => ({ value: m.id, label: m.name })),
  ];
  return (
    <>
      {forMember === null ? (
        <SelectField
          id="announcement-member"
          label={t("workplace.announcements.member")}
          value={draft.member}
          options={members}
          onChange={set("member")}
          error={submit.fieldError("memberIds")}
        />
      ) : (
        <p>{t("workplace.announcements.ownMember", { name: memberName(forMember) })}</p>
      )}
      <SelectField
        id="announcement-role"
        label={t("workplace.announcements.role")}
        value={draft.role}
        options={[
          { value: "", label: t("workplace.announcements.everyRole") },
          { value: "agent", label: t("workplace.announcements.roles.agent") },
          { value: "elu", label: t("workplace.announcements.roles.elu") },
        ]}
        onChange={set("role")}
        error={submit.fieldError("roles")}
      />
      <TextField
        id="announcement-groups"
        label={t("workplace.announcements.groups")}
        hint={t("workplace.announcements.groupsHint")}
        value={draft.groups}
        onChange={set("groups")}
        error={submit.fieldError("groups")}
      />
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.ack}
            onChange={(e) => setDraft((d) => ({ ...d, ack: e.target.checked }))}
          />{" "}
          {t("workplace.announcements.requiresAck")}
        </label>
      </div>
    </>
  );
}

/** The API's body from the form (groups comma-separated; empty choices: everyone). */
function bodyOf(draft: Draft, forMember: string | null) {
  const groups = draft.groups
    .split(",")
    .map((g) => g.trim())
    .filter((g) => g !== "");
  return {
    title: draft.title,
    body: draft.body,
    shownFrom: draft.shownFrom,
    shownUntil: draft.shownUntil === "" ? null : draft.shownUntil,
    memberIds: forMember !== null ? [forMember] : draft.member === "" ? null : [draft.member],
    roles: draft.role === "" ? null : [draft.role],
    groups: groups.length === 0 ? null : groups,
    requiresAck: draft.ack,
  };
}

/**
 * Writes a portal announcement: for every member or one (the secretariat; a member's officer
 * writes for their own member, the server sets it), every role or one, some groups
 * (comma-separated), optionally to be acknowledged. The server checks every rule and names the field.
 */
export function AnnouncementForm({ forMember, onSaved }: { forMember: string | null; onSaved: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { entente } = useEntente();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const submit = useSubmit();
  const set = (field: keyof Draft) => (e: { target: { value: string } }) => {
    submit.reset();
    setDraft((d) => ({ ...d, [field]: e.target.value }));
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = bodyOf(draft, forMember);
    const saved = await submit.run(AnnouncementWrite, body, (b) =>
      api.send("POST", workplacePaths.announcements(entente.id), b, Announcement),
    );
    if (saved === undefined) return;
    setDraft(EMPTY);
    onSaved();
  };
  return (
    <form
      className="form card"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-labelledby="announcement-form-title"
    >
      <h2 id="announcement-form-title">{t("workplace.announcements.write")}</h2>
      <ProblemAlert error={submit.error} />
      <AnnouncementFields draft={draft} set={set} setDraft={setDraft} submit={submit} forMember={forMember} />
      <SubmitButton saving={submit.saving} label={t("workplace.announcements.publish")} />
      <SaveNotice saved={submit.saved} />
    </form>
  );
}
