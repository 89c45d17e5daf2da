import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Probe, ProbeWrite } from "../../../../../src/workplace/contracts.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { SelectField, TextField } from "../../../shared/components/field.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SaveNotice } from "../../../shared/components/save-notice.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { type Submit, useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useEntente } from "../../finance/index.ts";
import { workplacePaths } from "../workplace-paths.ts";

const KINDS = ["http", "tcp", "oidc"] as const;

type Draft = {
  clientId: string;
  kind: (typeof KINDS)[number];
  target: string;
  bodyContains: string;
  timeoutMs: string;
  intervalSeconds: string;
  failuresToDown: string;
  successesToUp: string;
};

/**
 * Where and how often: the target, the expected text (HTTP), the timeout and the interval; the
 * flap damping (consecutive failures before down, successes before up: domain/flap-damping.ts).
 */
function ProbeTargetFields({
  draft,
  set,
  submit,
}: {
  draft: Draft;
  set: (field: keyof Draft) => (e: { target: { value: string } }) => void;
  submit: Submit;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id="probe-target"
        label={t("workplace.status.target")}
        hint={t("workplace.status.targetHint")}
        value={draft.target}
        required
        onChange={set("target")}
        error={submit.fieldError("target")}
      />
      {draft.kind === "http" && (
        <TextField
          id="probe-body"
          label={t("workplace.status.bodyContains")}
          value={draft.bodyContains}
          onChange={set("bodyContains")}
          error={submit.fieldError("bodyContains")}
        />
      )}
      <div className="form-row">
        <TextField
          id="probe-timeout"
          type="number"
          inputMode="numeric"
          label={t("workplace.status.timeoutMs")}
          value={draft.timeoutMs}
          onChange={set("timeoutMs")}
          error={submit.fieldError("timeoutMs")}
        />
        <TextField
          id="probe-interval"
          type="number"
          inputMode="numeric"
          label={t("workplace.status.intervalSeconds")}
          value={draft.intervalSeconds}
          onChange={set("intervalSeconds")}
          error={submit.fieldError("intervalSeconds")}
        />
      </div>
      <div className="form-row">
        <TextField
          id="probe-failures"
          type="number"
          inputMode="numeric"
          label={t("workplace.status.failuresToDown")}
          hint={t("workplace.status.dampingHint")}
          value={draft.failuresToDown}
          onChange={set("failuresToDown")}
          error={submit.fieldError("failuresToDown")}
        />
        <TextField
          id="probe-successes"
          type="number"
          inputMode="numeric"
          label={t("workplace.status.successesToUp")}
          value={draft.successesToUp}
          onChange={set("successesToUp")}
          error={submit.fieldError("successesToUp")}
        />
      </div>
    </>
  );
}

/** The secretariat registers (or replaces) a service's health probe; the server checks every rule and names the field. */
export function ProbeForm({
  services,
  onSaved,
}: {
  services: readonly { id: string; name: string }[];
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { entente } = useEntente();
  const [draft, setDraft] = useState<Draft>({
    clientId: services[0]?.id ?? "",
    kind: "http",
    target: "",
    bodyContains: "",
    timeoutMs: "2000",
    intervalSeconds: "60",
    failuresToDown: "2",
    successesToUp: "2",
  });
  const submit = useSubmit();
  const set = (field: keyof Draft) => (e: { target: { value: string } }) => {
    submit.reset();
    setDraft((d) => ({ ...d, [field]: e.target.value }));
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      kind: draft.kind,
      target: draft.target.trim(),
      bodyContains: draft.kind === "http" && draft.bodyContains !== "" ? draft.bodyContains : null,
      timeoutMs: Number(draft.timeoutMs),
      intervalSeconds: Number(draft.intervalSeconds),
      failuresToDown: Number(draft.failuresToDown),
      successesToUp: Number(draft.successesToUp),
    };
    const saved = await submit.run(ProbeWrite, body, (b) =>
      api.send("PUT", workplacePaths.probe(entente.id, draft.clientId), b, Probe),
    );
    if (saved !== undefined) onSaved();
  };
  if (services.length === 0) return null;
  return (
    <form
      className="form card"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-labelledby="probe-form-title"
    >
      <h2 id="probe-form-title">{t("workplace.status.probeForm")}</h2>
      <ProblemAlert error={submit.error} />
      <div className="form-row">
        <SelectField
          id="probe-service"
          label={t("workplace.status.probeService")}
          value={draft.clientId}
          options={services.map((s) => ({ value: s.id, label: s.name }))}
          onChange={set("clientId")}
        />
        <SelectField
          id="probe-kind"
          label={t("workplace.status.probeKind")}
          value={draft.kind}
          options={KINDS.map((k) => ({ value: k, label: t(`workplace.status.probeKinds.${k}`) }))}
          onChange={set("kind")}
          error={submit.fieldError("kind")}
        />
      </div>
      <ProbeTargetFields draft={draft} set={set} submit={submit} />
      <SubmitButton saving={submit.saving} label={t("workplace.status.saveProbe")} />
      <SaveNotice saved={submit.saved} />
    </form>
  );
}
