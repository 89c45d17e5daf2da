import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Decision as DecisionSchema,
  RatificationStatus as RatificationStatusSchema,
  RatificationUpdate,
} from "../../../src/contracts/api.ts";
import { apiPaths } from "../api/paths.ts";
import type { Decision, RatificationStatus } from "../api/types.ts";
import { useEntente } from "../session/entente-context.tsx";
import { useApi } from "../session/session-context.tsx";
import { SelectField, TextField } from "./field.tsx";
import { ProblemAlert } from "./problem-alert.tsx";
import { useSubmit } from "./use-submit.ts";

type Ratification = Decision["ratifications"][number];

/** Records one member assembly's deliberation on a decision (number, date, ratified or rejected). */
export function RatificationForm({
  decision,
  ratification,
  onSaved,
  onCancel,
  onReload,
}: {
  decision: Decision;
  ratification: Ratification;
  onSaved: (decision: Decision) => void;
  onCancel: () => void;
  /** Reads the decisions again after a conflict (the form restarts from the new version). */
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { entente, memberName } = useEntente();
  const heading = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState({
    status: ratification.status === "pending" ? ("ratified" as RatificationStatus) : ratification.status,
    deliberationNumber: ratification.deliberationNumber ?? "",
    deliberatedOn: ratification.deliberatedOn ?? "",
  });
  const submit = useSubmit();
  useEffect(() => heading.current?.focus(), []);
  const edit = (change: Partial<typeof draft>) => {
    submit.reset();
    setDraft((d) => ({ ...d, ...change }));
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      status: draft.status,
      deliberationNumber: draft.deliberationNumber.trim() === "" ? null : draft.deliberationNumber.trim(),
      deliberatedOn: draft.deliberatedOn === "" ? null : draft.deliberatedOn,
      rowVersion: ratification.rowVersion,
    };
    const saved = await submit.run(RatificationUpdate, body, (b) =>
      api.send(
        "PUT",
        apiPaths.ratification(entente.id, decision.id, ratification.memberId),
        b,
        DecisionSchema,
      ),
    );
    if (saved !== undefined) onSaved(saved);
  };
  const fields = ["status", "deliberationNumber", "deliberatedOn"];
  const prefix = `ratification-${decision.id}`;
  return (
    <form className="form subform" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h3 tabIndex={-1} ref={heading}>
        {t("decisions.recordFor", { member: memberName(ratification.memberId) })}
      </h3>
      <ProblemAlert error={submit.error} shownFields={(f) => fields.includes(f)} onReload={onReload} />
      <div className="form-row">
        <SelectField
          id={`${prefix}-status`}
          label={t("decisions.status")}
          value={draft.status}
          options={RatificationStatusSchema.options.map((s) => ({
            value: s,
            label: t(`ratificationStatus.${s}`),
          }))}
          onChange={(e) => edit({ status: e.target.value as RatificationStatus })}
          error={submit.fieldError("status")}
        />
        <TextField
          id={`${prefix}-number`}
          label={t("decisions.number")}
          hint={t("decisions.numberHint")}
          value={draft.deliberationNumber}
          onChange={(e) => edit({ deliberationNumber: e.target.value })}
          error={submit.fieldError("deliberationNumber")}
        />
        <TextField
          id={`${prefix}-date`}
          label={t("decisions.date")}
          type="date"
          value={draft.deliberatedOn}
          onChange={(e) => edit({ deliberatedOn: e.target.value })}
          error={submit.fieldError("deliberatedOn")}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={submit.saving}>
          {submit.saving ? t("common.saving") : t("actions.save")}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t("actions.cancel")}
        </button>
      </div>
    </form>
  );
}
