import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Incident, IncidentUpdateWrite, IncidentWrite } from "../../../../../src/workplace/contracts.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { SelectField, TextAreaField, TextField } from "../../../shared/components/field.tsx";
import { FieldErrorList } from "../../../shared/components/field-error-list.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { type Submit, useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useEntente } from "../../finance/index.ts";
import { workplacePaths } from "../workplace-paths.ts";
import type { statusFr } from "./status-fr.ts";

/** A status or impact the server sent, as a key of the strings. */
export type StatusKey = keyof typeof statusFr.statuses;
type ImpactKey = keyof typeof statusFr.impacts;

/** Statuses per kind (the server's list: src/workplace/domain/incident.ts). */
export const STATUSES = {
  incident: ["investigating", "identified", "monitoring", "resolved"],
  maintenance: ["scheduled", "in_progress", "completed"],
} as const;
type Kind = keyof typeof STATUSES;

/** A datetime-local value ("2026-03-10T10:00", the reader's time) as ISO 8601 with offset (UTC). */
const isoOf = (local: string) => (local === "" ? "" : new Date(local).toISOString());

const toggle = (list: readonly string[], id: string, on: boolean) =>
  on ? [...list, id] : list.filter((x) => x !== id);

/** Checkboxes of `options` in a fieldset, with the server's errors on any of them. */
function ChecksFieldset(props: {
  id: string;
  legend: string;
  options: readonly { id: string; name: string }[];
  checked: readonly string[];
  onChange: (ids: string[]) => void;
  errors: readonly string[];
}) {
  return (
    <fieldset
      className="fieldset"
      aria-describedby={props.errors.length > 0 ? `${props.id}-error` : undefined}
    >
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.id} className="checkbox">
          <input
            type="checkbox"
            checked={props.checked.includes(o.id)}
            onChange={(e) => props.onChange(toggle(props.checked, o.id, e.target.checked))}
          />{" "}
          {o.name}
        </label>
      ))}
      <FieldErrorList id={`${props.id}-error`} messages={props.errors} />
    </fieldset>
  );
}

type Draft = {
  kind: Kind;
  title: string;
  status: string;
  impact: string;
  startsAt: string;
  endsAt: string;
  message: string;
};

/** The fields of an incident, each with its server-side error. */
function IncidentFields(props: {
  draft: Draft;
  set: (field: keyof Draft) => (e: { target: { value: string } }) => void;
  submit: Submit;
  services: readonly { id: string; name: string }[];
  clientIds: string[];
  setClientIds: (ids: string[]) => void;
  memberIds: string[];
  setMemberIds: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const { draft, set, submit } = props;
  const impacts: ImpactKey[] = draft.kind === "maintenance" ? ["maintenance"] : ["down", "degraded"];
  return (
    <>
      <SelectField
        id="incident-kind"
        label={t("workplace.status.kind")}
        value={draft.kind}
        options={(["incident", "maintenance"] as const).map((k) => ({
          value: k,
          label: t(`workplace.status.kinds.${k}`),
        }))}
        onChange={set("kind")}
        error={submit.fieldError("kind")}
      />
      <TextField
        id="incident-title"
        label={t("workplace.status.titleField")}
        value={draft.title}
        required
        onChange={set("title")}
        error={submit.fieldError("title")}
      />
      <div className="form-row">
        <SelectField
          id="incident-impact"
          label={t("workplace.status.impact")}
          value={draft.impact}
          options={impacts.map((i) => ({ value: i, label: t(`workplace.status.impacts.${i}`) }))}
          onChange={set("impact")}
          error={submit.fieldError("impact")}
        />
        <SelectField
          id="incident-status"
          label={t("workplace.status.status")}
          value={draft.status}
          options={STATUSES[draft.kind].map((s) => ({
            value: s,
            label: t(`workplace.status.statuses.${s}`),
          }))}
          onChange={set("status")}
          error={submit.fieldError("status")}
        />
      </div>
      <div className="form-row">
        <TextField
          id="incident-starts"
          type="datetime-local"
          label={t("workplace.status.startsAt")}
          value={draft.startsAt}
          required
          onChange={set("startsAt")}
          error={submit.fieldError("startsAt")}
        />
        <TextField
          id="incident-ends"
          type="datetime-local"
          label={t("workplace.status.endsAt")}
          value={draft.endsAt}
          onChange={set("endsAt")}
          error={submit.fieldError("endsAt")}
        />
      </div>
      <IncidentScopeFields {...props} />
    </>
  );
}

/** Which services and members it affects, and the first message. */
function IncidentScopeFields(props: Parameters<typeof IncidentFields>[0]) {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const { draft, set, submit, services, clientIds, setClientIds, memberIds, setMemberIds } = props;
  const errorsOf = (prefix: string) =>
    (submit.error?.fields ?? []).filter((f) => f.field.startsWith(prefix)).map((f) => f.message);
  return (
    <>
      <ChecksFieldset
        id="incident-services"
        legend={t("workplace.status.services")}
        options={services}
        checked={clientIds}
        onChange={setClientIds}
        errors={errorsOf("clientIds")}
      />
      <ChecksFieldset
        id="incident-members"
        legend={t("workplace.status.membersField")}
        options={entente.members.map((m) => ({ id: m.id, name: m.name }))}
        checked={memberIds}
        onChange={setMemberIds}
        errors={errorsOf("memberIds")}
      />
      <TextAreaField
        id="incident-message"
        label={t("workplace.status.message")}
        hint={t("workplace.status.messageHint")}
        value={draft.message}
        required
        onChange={set("message")}
        error={submit.fieldError("message")}
      />
    </>
  );
}

/** The secretariat declares an incident or plans a maintenance; the server checks every rule and names the field. */
export function IncidentForm({
  services,
  onSaved,
}: {
  services: readonly { id: string; name: string }[];
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { entente } = useEntente();
  const empty: Draft = {
    kind: "incident",
    title: "",
    status: "investigating",
    impact: "down",
    startsAt: "",
    endsAt: "",
    message: "",
  };
  const [draft, setDraft] = useState(empty);
  const [clientIds, setClientIds] = useState<string[]>([]);
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const submit = useSubmit();
  const set = (field: keyof Draft) => (e: { target: { value: string } }) => {
    submit.reset();
    const value = e.target.value;
    setDraft((d) =>
      field === "kind"
        ? {
            ...d,
            kind: value as Kind,
            status: STATUSES[value as Kind][0],
            impact: value === "maintenance" ? "maintenance" : "down",
          }
        : { ...d, [field]: value },
    );
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      ...draft,
      startsAt: isoOf(draft.startsAt),
      endsAt: draft.endsAt === "" ? null : isoOf(draft.endsAt),
      clientIds,
      memberIds,
    };
    const saved = await submit.run(IncidentWrite, body, (b) =>
      api.send("POST", workplacePaths.incidents(entente.id), b, Incident),
    );
    if (saved === undefined) return;
    setDraft(empty);
    setClientIds([]);
    setMemberIds([]);
    onSaved();
  };
  return (
    <form
      className="form card"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-labelledby="incident-form-title"
    >
      <h2 id="incident-form-title">{t("workplace.status.open")}</h2>
      <ProblemAlert error={submit.error} />
      <IncidentFields
        draft={draft}
        set={set}
        submit={submit}
        services={services}
        clientIds={clientIds}
        setClientIds={setClientIds}
        memberIds={memberIds}
        setMemberIds={setMemberIds}
      />
      <SubmitButton saving={submit.saving} label={t("workplace.status.submit")} />
    </form>
  );
}

/** Adds an update to an incident's timeline (its status becomes the incident's). */
export function IncidentUpdateForm({
  incident,
  onSaved,
}: {
  incident: { id: string; kind: Kind; title: string; status: string; rowVersion: number };
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { entente } = useEntente();
  const [status, setStatus] = useState(incident.status);
  const [message, setMessage] = useState("");
  const submit = useSubmit();
  const id = `update-${incident.id}`;
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await submit.run(
      IncidentUpdateWrite,
      { status, message, rowVersion: incident.rowVersion },
      (b) => api.send("POST", workplacePaths.incidentUpdates(entente.id, incident.id), b, Incident),
    );
    if (saved !== undefined) {
      setMessage("");
      onSaved();
    }
  };
  return (
    <form
      className="form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-label={t("workplace.status.updateNamed", { title: incident.title })}
    >
      <ProblemAlert error={submit.error} />
      <div className="form-row form-row--aligned">
        <SelectField
          id={`${id}-status`}
          label={t("workplace.status.status")}
          value={status}
          options={STATUSES[incident.kind].map((s) => ({
            value: s,
            label: t(`workplace.status.statuses.${s}`),
          }))}
          onChange={(e) => setStatus(e.target.value)}
          error={submit.fieldError("status")}
        />
        <TextField
          id={`${id}-message`}
          label={t("workplace.status.message")}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          error={submit.fieldError("message")}
        />
        <SubmitButton saving={submit.saving} label={t("workplace.status.update")} />
      </div>
    </form>
  );
}
