import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Decision as DecisionSchema,
  RatificationStatus as RatificationStatusSchema,
  RatificationUpdate,
} from "../../../../../src/finance/contracts/api.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { SelectField, TextField } from "../../../shared/components/field.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SaveCancelActions } from "../../../shared/components/save-cancel-actions.tsx";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useLocale } from "../../../shared/i18n/use-locale.ts";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { Decision, RatificationStatus } from "../finance-types.ts";

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
  const locale = useLocale();
  const { entente, memberName } = useEntente();
  const fields = ["status", "deliberationNumber", "deliberatedOn"];
  const prefix = `ratification-${decision.id}`;
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
  const [checked, setChecked] = useState(false);
  // A ratified or rejected deliberation is identified: its number, and its date, not before the
  // conference (the server's rule, ratification.incomplete), checked here before it leaves.
  const decides = draft.status !== "pending";
  const numberProblem =
    decides && draft.deliberationNumber.trim() === "" ? t("decisions.deliberationRequired") : undefined;
  const dateProblem = !decides
    ? undefined
    : draft.deliberatedOn === ""
      ? t("decisions.deliberationRequired")
      : draft.deliberatedOn < decision.conferenceDate
        ? t("decisions.dateBeforeConference", {
            date: new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(
              new Date(decision.conferenceDate),
            ),
          })
        : undefined;
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (numberProblem !== undefined) {
      document.getElementById(`${prefix}-number`)?.focus();
      return;
    }
    if (dateProblem !== undefined) {
      document.getElementById(`${prefix}-date`)?.focus();
      return;
    }
    const body = {
      status: draft.status,
      deliberationNumber: draft.deliberationNumber.trim() === "" ? null : draft.deliberationNumber.trim(),
      deliberatedOn: draft.deliberatedOn === "" ? null : draft.deliberatedOn,
      rowVersion: ratification.rowVersion,
    };
    const saved = await submit.run(RatificationUpdate, body, (b) =>
      api.send(
        "PUT",
        financePaths.ratification(entente.id, decision.id, ratification.memberId),
        b,
        DecisionSchema,
      ),
    );
    if (saved !== undefined) onSaved(saved);
  };
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
          required={decides}
          value={draft.deliberationNumber}
          onChange={(e) => edit({ deliberationNumber: e.target.value })}
          error={(checked ? numberProblem : undefined) ?? submit.fieldError("deliberationNumber")}
        />
        <TextField
          id={`${prefix}-date`}
          label={t("decisions.date")}
          type="date"
          required={decides}
          min={decision.conferenceDate}
          value={draft.deliberatedOn}
          onChange={(e) => edit({ deliberatedOn: e.target.value })}
          error={(checked ? dateProblem : undefined) ?? submit.fieldError("deliberatedOn")}
        />
      </div>
      <SaveCancelActions saving={submit.saving} label={t("actions.save")} onCancel={onCancel} />
    </form>
  );
}
