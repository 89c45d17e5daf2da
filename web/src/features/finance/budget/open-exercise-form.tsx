import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  BudgetVersion as BudgetVersionSchema,
  ExerciseOpening,
} from "../../../../../src/finance/contracts/api.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { SelectField, TextField } from "../../../shared/components/field.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { canEditBudget, useAccount } from "../../access/index.ts";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import { emptyOpening, type OpeningDraft, toOpeningBody } from "./exercise-opening.ts";

/**
 * « Ouvrir l'exercice N+1 »: on the latest exercise, the secretariat opens the next one from it
 * (its lines as a draft, N's result carried over, the call year), then goes to it. N is not
 * changed. Hidden from other roles and on earlier years.
 */
export function OpenExerciseForm({ from, onOpened }: { from: number; onOpened: (year: number) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const account = useAccount();
  const { entente, reload } = useEntente();
  const submit = useSubmit();
  const id = useId();
  const [draft, setDraft] = useState<OpeningDraft>(emptyOpening);
  if (!canEditBudget(account)) return null;
  const change = (patch: Partial<OpeningDraft>) => {
    submit.reset();
    setDraft((d) => ({ ...d, ...patch }));
  };
  const open = async (event: FormEvent) => {
    event.preventDefault();
    const opened = await submit.run(ExerciseOpening, toOpeningBody(from, draft), (body) =>
      api.send("POST", financePaths.exercises(entente.id), body, BudgetVersionSchema),
    );
    if (opened === undefined) return;
    reload();
    onOpened(opened.year);
  };
  const next = from + 1;
  return (
    <details className="open-exercise">
      <summary className="open-exercise__summary">{t("budget.openNext", { year: next })}</summary>
      <form className="form open-exercise__form" onSubmit={(e) => void open(e)} noValidate>
        <p className="hint">{t("budget.openHint", { year: next, from })}</p>
        <ProblemAlert error={submit.error} shownFields={(f) => f.startsWith("carryOver")} />
        <TextField
          id={`${id}-inv`}
          label={t("budget.carryOverInvestissement", { from })}
          hint={t("budget.carryOverHint")}
          inputMode="decimal"
          value={draft.investissement}
          error={submit.fieldError("carryOver.investissement")}
          onChange={(e) => change({ investissement: e.target.value })}
        />
        <TextField
          id={`${id}-fonct`}
          label={t("budget.carryOverFonctionnement", { from })}
          inputMode="decimal"
          value={draft.fonctionnement}
          error={submit.fieldError("carryOver.fonctionnement")}
          onChange={(e) => change({ fonctionnement: e.target.value })}
        />
        <SelectField
          id={`${id}-called`}
          label={t("budget.calledIn")}
          value={draft.calledIn}
          options={[
            { value: "same", label: t("budget.calledInSame", { year: next }) },
            { value: "next", label: t("budget.calledInNext", { year: next + 1 }) },
          ]}
          onChange={(e) => change({ calledIn: e.target.value === "next" ? "next" : "same" })}
        />
        <SubmitButton
          saving={submit.saving}
          label={t("budget.openSubmit", { year: next })}
          savingLabel={t("budget.amending")}
        />
      </form>
    </details>
  );
}
