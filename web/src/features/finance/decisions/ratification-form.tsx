import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Decision as DecisionSchema, RatificationUpdate } from "../../../../../src/finance/contracts/api.ts";
import { checkDeliberation } from "../../../../../src/shared/deliberation-check.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SaveCancelActions } from "../../../shared/components/save-cancel-actions.tsx";
import { formatLongDate } from "../../../shared/format/format-long-date.ts";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useLocale } from "../../../shared/i18n/use-locale.ts";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { Decision } from "../finance-types.ts";
import {
  type Ratification,
  type RatificationDraft,
  toRatificationBody,
  toRatificationDraft,
} from "./ratification-draft.ts";
import { RatificationFields } from "./ratification-fields.tsx";

const FIELDS = ["status", "deliberationNumber", "deliberatedOn"];

type RatificationFormProps = {
  decision: Decision;
  ratification: Ratification;
  onSaved: (decision: Decision) => void;
  onCancel: () => void;
  /** Reads the decisions again after a conflict (the form restarts from the new version). */
  onReload: () => void;
};

/**
 * Records one member assembly's deliberation on a decision (number, date, ratified or rejected).
 * What the server would refuse is checked first, the focus going to the field to complete.
 */
export function RatificationForm(props: RatificationFormProps) {
  const { decision, ratification, onSaved, onCancel, onReload } = props;
  const { t } = useTranslation();
  const api = useApi();
  const locale = useLocale();
  const { entente, memberName } = useEntente();
  const prefix = `ratification-${decision.id}`;
  const heading = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState(() => toRatificationDraft(ratification));
  const submit = useSubmit();
  useEffect(() => heading.current?.focus(), []);
  const edit = (change: Partial<RatificationDraft>) => {
    submit.reset();
    setDraft((d) => ({ ...d, ...change }));
  };
  const [checked, setChecked] = useState(false);
  const check = checkDeliberation(
    toRatificationBody(draft, ratification.rowVersion),
    decision.conferenceDate,
  );
  const numberProblem = check.number === null ? undefined : t("decisions.deliberationRequired");
  const dateProblem =
    check.date === null
      ? undefined
      : check.date === "missing"
        ? t("decisions.deliberationRequired")
        : t("decisions.dateBeforeConference", { date: formatLongDate(decision.conferenceDate, locale) });
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
    const body = toRatificationBody(draft, ratification.rowVersion);
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
      <ProblemAlert error={submit.error} shownFields={(f) => FIELDS.includes(f)} onReload={onReload} />
      <RatificationFields
        prefix={prefix}
        draft={draft}
        edit={edit}
        required={check.decides}
        conferenceDate={decision.conferenceDate}
        errors={{
          status: submit.fieldError("status"),
          number: (checked ? numberProblem : undefined) ?? submit.fieldError("deliberationNumber"),
          date: (checked ? dateProblem : undefined) ?? submit.fieldError("deliberatedOn"),
        }}
      />
      <SaveCancelActions saving={submit.saving} label={t("actions.save")} onCancel={onCancel} />
    </form>
  );
}
