import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { DecisionCreate, Decision as DecisionSchema } from "../../../../../src/finance/contracts/api.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { SelectField, TextField } from "../../../shared/components/field.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SaveNotice } from "../../../shared/components/save-notice.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { exerciseYears, useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { Decision } from "../finance-types.ts";

/** A new decision of the conference, optionally on a year's budget; one ratification per member follows. */
export function DecisionForm({ onCreated }: { onCreated: (decision: Decision) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { entente } = useEntente();
  const years = exerciseYears(entente);
  const [draft, setDraft] = useState({
    subject: "",
    conferenceDate: "",
    conferenceLabel: "",
    budgetYear: years[0] === undefined ? "" : String(years[0]),
  });
  const submit = useSubmit();
  const edit = (change: Partial<typeof draft>) => {
    submit.reset();
    setDraft((d) => ({ ...d, ...change }));
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { ...draft, budgetYear: draft.budgetYear === "" ? null : Number(draft.budgetYear) };
    const created = await submit.run(DecisionCreate, body, (b) =>
      api.send("POST", financePaths.decisions(entente.id), b, DecisionSchema),
    );
    if (created !== undefined) {
      onCreated(created);
      setDraft((d) => ({ ...d, subject: "" }));
    }
  };
  const fields = ["subject", "conferenceDate", "conferenceLabel", "budgetYear"];
  return (
    <details className="card disclosure">
      <summary>{t("decisions.create")}</summary>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <ProblemAlert error={submit.error} shownFields={(f) => fields.includes(f)} />
        <TextField
          id="decision-subject"
          label={t("decisions.subject")}
          hint={t("decisions.subjectHint")}
          value={draft.subject}
          onChange={(e) => edit({ subject: e.target.value })}
          error={submit.fieldError("subject")}
        />
        <div className="form-row">
          <TextField
            id="decision-conference-label"
            label={t("decisions.conferenceLabel")}
            hint={t("decisions.conferenceLabelHint")}
            value={draft.conferenceLabel}
            onChange={(e) => edit({ conferenceLabel: e.target.value })}
            error={submit.fieldError("conferenceLabel")}
          />
          <TextField
            id="decision-conference-date"
            label={t("decisions.conferenceDate")}
            type="date"
            value={draft.conferenceDate}
            onChange={(e) => edit({ conferenceDate: e.target.value })}
            error={submit.fieldError("conferenceDate")}
          />
          <SelectField
            id="decision-budget-year"
            label={t("decisions.budgetYear")}
            value={draft.budgetYear}
            options={[
              { value: "", label: t("decisions.noBudget") },
              ...years.map((y) => ({ value: String(y), label: String(y) })),
            ]}
            onChange={(e) => edit({ budgetYear: e.target.value })}
            error={submit.fieldError("budgetYear")}
          />
        </div>
        <SubmitButton saving={submit.saving} label={t("decisions.createSubmit")} />
        <SaveNotice saved={submit.saved} message={t("decisions.created")} />
      </form>
    </details>
  );
}
