import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "../../../shared/components/field.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SaveNotice } from "../../../shared/components/save-notice.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { useLocale } from "../../../shared/i18n/use-locale.ts";
import type { AllocationKey } from "../finance-types.ts";
import { CriteriaFields } from "./criteria-fields.tsx";
import { describePercentCheck } from "./describe-percent-check.ts";
import type { PeriodDraft, PeriodKind } from "./key-period-draft.ts";
import type { PercentCheck } from "./percent-check.ts";
import { PercentCheckMessage } from "./percent-check-message.tsx";
import { useKeyPeriodForm } from "./use-key-period-form.ts";

/**
 * « Modifier la clé à partir d'un exercice » (secretariat): new figures for a key — fixed rates
 * (live 100 % check), weights such as populations with their INSEE year in the source, or
 * weighted criteria (each with its weight, source and year, and a value per member) — from a
 * named exercise on; earlier years keep theirs. Proposed from the first exercise still in
 * preparation; when the server refuses a deliberated year (`budget.figures_frozen`) the form says
 * so next to the year and offers that first open exercise.
 */
export function KeyPeriodForm({ allocationKey }: { allocationKey: AllocationKey }) {
  const { t } = useTranslation();
  const { draft, edit, open, members, check, checked, list, frozen, submit, save } =
    useKeyPeriodForm(allocationKey);
  const prefix = `period-${allocationKey.id}`;
  return (
    <details className="key-period">
      <summary>{t("keys.periodTitle")}</summary>
      <form
        className="form"
        onSubmit={(e) => void save(e)}
        noValidate
        aria-label={t("keys.periodFormOf", { label: allocationKey.label })}
      >
        <p className="hint">{t("keys.periodHint", { year: open })}</p>
        <ProblemAlert
          error={submit.error}
          shownFields={(f) => f === "from" || f === "criteria" || f.startsWith(`${list}.`)}
        />
        <PeriodYearAndKind
          prefix={prefix}
          draft={draft}
          open={open}
          frozen={frozen}
          edit={edit}
          fromError={submit.fieldError("from")}
        />
        <TextField
          id={`${prefix}-source`}
          label={t("keys.source")}
          hint={
            draft.kind === "percent"
              ? t("keys.sourceHint")
              : draft.kind === "criteria"
                ? t("keys.criteriaSourceHint")
                : t("keys.periodSourceHint")
          }
          value={draft.source}
          onChange={(e) => edit({ source: e.target.value })}
          error={submit.fieldError("source")}
        />
        {draft.kind === "criteria" ? (
          <CriteriaFields
            prefix={prefix}
            year={draft.from}
            criteria={draft.criteria}
            members={members}
            check={check}
            onChange={(criteria) => edit({ criteria })}
            fieldError={submit.fieldError}
          />
        ) : (
          <KeyPeriodFigures
            prefix={prefix}
            draft={draft}
            members={members}
            edit={edit}
            check={check}
            fieldError={(i) =>
              submit.fieldError(`${list}.${i}.value`) ?? submit.fieldError(`${list}.${i}.memberId`)
            }
          />
        )}
        <SubmitButton saving={submit.saving} label={t("keys.periodSubmit")} disabled={checked && !check.ok} />
        <SaveNotice saved={submit.saved} />
      </form>
    </details>
  );
}

/** One input per member belonging in the period's first year: its rate, or its weight (population…). */
function KeyPeriodFigures({
  prefix,
  draft,
  members,
  check,
  edit,
  fieldError,
}: {
  prefix: string;
  draft: PeriodDraft;
  members: readonly { id: string; name: string }[];
  check: PercentCheck;
  edit: (change: Partial<PeriodDraft>) => void;
  fieldError: (index: number) => string | undefined;
}) {
  const { t } = useTranslation();
  const { sum, gap, status } = describePercentCheck(check, useLocale());
  return (
    <>
      <fieldset className="fieldset">
        <legend>{t("keys.periodFigures", { year: draft.from })}</legend>
        {members.map((m, i) => (
          <TextField
            key={m.id}
            id={`${prefix}-${m.id}`}
            label={
              draft.kind === "percent"
                ? t("keys.periodShareOf", { member: m.name })
                : t("keys.weightOf", { member: m.name })
            }
            inputMode={draft.kind === "percent" ? "decimal" : "numeric"}
            value={draft.values[m.id] ?? ""}
            onChange={(e) => edit({ values: { ...draft.values, [m.id]: e.target.value } })}
            error={fieldError(i)}
          />
        ))}
      </fieldset>
      {draft.kind === "percent" && (
        <PercentCheckMessage
          id={`${prefix}-check`}
          status={status}
          sum={sum}
          gap={gap}
          invalid={check.invalid.length}
        />
      )}
    </>
  );
}

/**
 * The period's first exercise and the kind of its figures; when the server refused a deliberated
 * year (`frozen`), the reason next to the year and a button to apply from the first open one.
 */
function PeriodYearAndKind({
  prefix,
  draft,
  open,
  frozen,
  edit,
  fromError,
}: {
  prefix: string;
  draft: PeriodDraft;
  open: number;
  frozen: boolean;
  edit: (change: Partial<PeriodDraft>) => void;
  fromError: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="form-row">
        <TextField
          id={`${prefix}-from`}
          label={t("keys.periodFromLabel")}
          inputMode="numeric"
          value={draft.from}
          onChange={(e) => edit({ from: e.target.value })}
          error={frozen ? t("keys.periodFrozen", { year: draft.from, open }) : fromError}
        />
        <SelectField
          id={`${prefix}-kind`}
          label={t("keys.periodKind")}
          value={draft.kind}
          options={[
            { value: "percent", label: t("keyBasis.percent") },
            { value: "weights", label: t("keys.periodWeights") },
            { value: "criteria", label: t("keyBasis.criteria") },
          ]}
          onChange={(e) => edit({ kind: e.target.value as PeriodKind })}
        />
      </div>
      {frozen && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => edit({ from: String(open) })}
        >
          {t("keys.periodUseOpen", { year: open })}
        </button>
      )}
    </>
  );
}
