import { type FormEvent, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import {
  BudgetUpdate,
  BudgetVersion as BudgetVersionSchema,
  ReceiptKind as ReceiptKindSchema,
} from "../../../../../src/finance/contracts/api.ts";
import { centsToEuroText, formatAmountInput, toApiDecimal } from "../../../../../src/shared/money-input.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { ActionsHeader } from "../../../shared/components/actions-header.tsx";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { ColGroup } from "../../../shared/components/col-group.tsx";
import { EurosCell } from "../../../shared/components/euros-cell.tsx";
import { SelectField, TextField } from "../../../shared/components/field.tsx";
import { NumHeader } from "../../../shared/components/num-header.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { RowButton } from "../../../shared/components/row-button.tsx";
import { SaveNotice } from "../../../shared/components/save-notice.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { formatEuros } from "../../../shared/format/format-euros.ts";
import { useDraft } from "../../../shared/hooks/use-draft.ts";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useLocale } from "../../../shared/i18n/use-locale.ts";
import { canEditBudget, useAccount, useUnsavedChanges } from "../../access/index.ts";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import {
  type BudgetLine,
  type BudgetVersion,
  type ReceiptKind,
  SECTIONS,
  type Section,
} from "../finance-types.ts";
import { computeBudgetBalance } from "./budget-balance.ts";

/**
 * Expense, or receipt of a kind, as one choice: "expense" or "receipt.grant". One select instead
 * of two keeps the table narrow, and a receipt can never lack its kind.
 */
type Flow = "expense" | `receipt.${ReceiptKind}`;
const FLOWS: readonly Flow[] = ["expense", ...ReceiptKindSchema.options.map((k) => `receipt.${k}` as const)];

type DraftLine = {
  /** Stable identity of the row while editing (React key, input ids). */
  rowId: number;
  missionId: string;
  label: string;
  section: Section;
  flow: Flow;
  /** As typed ("45 276,50"); sent in the API's form ("45276.50"). */
  amount: string;
  nature: string;
};

const toDraft = (line: BudgetLine, rowId: number, language: string): DraftLine => ({
  rowId,
  missionId: line.missionId ?? "",
  label: line.label,
  section: line.section,
  flow: line.direction === "expense" ? "expense" : `receipt.${line.receiptKind ?? "other"}`,
  amount: formatAmountInput(line.amount, language),
  nature: line.nature ?? "",
});

/** What the API expects: amounts typed "45 276,50" are sent as "45276.50", empty text as null. */
function toLine(draft: DraftLine): unknown {
  return {
    missionId: draft.missionId === "" ? null : draft.missionId,
    label: draft.label,
    section: draft.section,
    direction: draft.flow === "expense" ? "expense" : "receipt",
    receiptKind: draft.flow === "expense" ? null : draft.flow.slice("receipt.".length),
    amount: toApiDecimal(draft.amount),
    nature: draft.nature.trim() === "" ? null : draft.nature.trim(),
  };
}

const directionOf = (line: DraftLine) => (line.flow === "expense" ? "expense" : "receipt");

/**
 * The lines of one budget version in a table, with the balance of each section recomputed in
 * BigInt cents at every keystroke. An unbalanced section is shown plainly, but a draft can be
 * saved unbalanced: the server keeps drafts; only adoption requires balance.
 */
export function BudgetEditor({
  budget,
  onSaved,
  onReload,
}: {
  budget: BudgetVersion;
  onSaved: (budget: BudgetVersion) => void;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const account = useAccount();
  const { entente, missionName } = useEntente();
  const nextRowId = useRef(budget.lines.length);
  const toDrafts = (b: BudgetVersion) => b.lines.map((l, i) => toDraft(l, i, i18n.language));
  const { draft: lines, setDraft: setLines, adopt } = useDraft(budget, budget.rowVersion, toDrafts);
  const submit = useSubmit();
  const tableId = useId();
  const editable = canEditBudget(account) && budget.status === "draft";
  const dirty = JSON.stringify(lines.map(toLine)) !== JSON.stringify(budget.lines);
  useUnsavedChanges(editable && dirty);
  const balance = computeBudgetBalance(lines.map((l) => ({ ...l, direction: directionOf(l) })));

  const change = (rowId: number, patch: Partial<DraftLine>) => {
    submit.reset();
    setLines((all) => all.map((l) => (l.rowId === rowId ? { ...l, ...patch } : l)));
  };
  const add = () => {
    submit.reset();
    const rowId = nextRowId.current++;
    setLines((all) => [
      ...all,
      {
        rowId,
        missionId: "",
        label: "",
        section: "fonctionnement",
        flow: "expense",
        amount: "",
        nature: "",
      },
    ]);
    // focus the new row's first field once it is rendered
    requestAnimationFrame(() => document.getElementById(`line-${rowId}-mission`)?.focus());
  };
  const remove = (rowId: number, index: number) => {
    submit.reset();
    setLines((all) => all.filter((l) => l.rowId !== rowId));
    requestAnimationFrame(() => {
      const rows = document.querySelectorAll<HTMLElement>(`[data-budget-row] select`);
      (rows[Math.min(index, rows.length - 1)] ?? document.getElementById("add-line"))?.focus();
    });
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await submit.run(
      BudgetUpdate,
      { rowVersion: budget.rowVersion, lines: lines.map(toLine) },
      (b) => api.send("PUT", financePaths.budget(entente.id, budget.year), b, BudgetVersionSchema),
    );
    if (saved !== undefined) {
      nextRowId.current = saved.lines.length;
      adopt(saved.rowVersion, toDrafts(saved));
      onSaved(saved);
    }
  };
  const fieldError = (index: number, field: string) => submit.fieldError(`lines.${index}.${field}`);
  const missionOptions = [
    { value: "", label: t("common.general") },
    ...entente.missions.map((m) => ({ value: m.id, label: m.name })),
  ];

  return (
    <form
      className="form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-describedby={`${tableId}-status`}
    >
      <p id={`${tableId}-status`} className="hint">
        {editable
          ? t("budget.editHint")
          : canEditBudget(account)
            ? t("budget.notDraft")
            : t("budget.readOnly")}
      </p>
      <BalancePanel balance={balance} />
      <ProblemAlert
        error={submit.error}
        shownFields={(f) => /^lines\.\d+\./.test(f)}
        onReload={() => {
          submit.reset();
          onReload();
        }}
      />
      <CaptionedTable
        caption={t("budget.linesCaption", { count: lines.length, label: budget.label })}
        className={editable ? "table table--form table--budget" : "table"}
        id={tableId}
      >
        {editable && (
          <ColGroup
            classes={[
              "col--mission",
              undefined,
              "col--section",
              "col--flow",
              "col--amount",
              "col--nature",
              "col--action",
            ]}
          />
        )}
        <thead>
          <tr>
            <th scope="col">{t("common.mission")}</th>
            <th scope="col">{t("budget.label")}</th>
            <th scope="col">{t("budget.section")}</th>
            <th scope="col">{t("budget.flow")}</th>
            <NumHeader>{t("budget.amount")}</NumHeader>
            <th scope="col">{t("budget.nature")}</th>
            {editable && <ActionsHeader />}
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => {
            const n = index + 1;
            const id = (f: string) => `line-${line.rowId}-${f}`;
            const unreadable = balance.unreadable.includes(index);
            return editable ? (
              <tr key={line.rowId} data-budget-row>
                <td>
                  <SelectField
                    id={id("mission")}
                    hideLabel
                    label={t("budget.cell", { column: t("common.mission"), n })}
                    value={line.missionId}
                    options={missionOptions}
                    onChange={(e) => change(line.rowId, { missionId: e.target.value })}
                    error={fieldError(index, "missionId")}
                  />
                </td>
                <td>
                  <TextField
                    id={id("label")}
                    className="input input--label"
                    hideLabel
                    label={t("budget.cell", { column: t("budget.label"), n })}
                    value={line.label}
                    onChange={(e) => change(line.rowId, { label: e.target.value })}
                    error={fieldError(index, "label")}
                  />
                </td>
                <td>
                  <SelectField
                    id={id("section")}
                    hideLabel
                    label={t("budget.cell", { column: t("budget.section"), n })}
                    value={line.section}
                    options={SECTIONS.map((s) => ({ value: s, label: t(`sections.${s}`) }))}
                    onChange={(e) => change(line.rowId, { section: e.target.value as Section })}
                    error={fieldError(index, "section")}
                  />
                </td>
                <td>
                  <SelectField
                    id={id("flow")}
                    hideLabel
                    label={t("budget.cell", { column: t("budget.flow"), n })}
                    value={line.flow}
                    options={FLOWS.map((f) => ({ value: f, label: t(`budget.flows.${f}`) }))}
                    onChange={(e) => change(line.rowId, { flow: e.target.value as Flow })}
                    error={fieldError(index, "direction") ?? fieldError(index, "receiptKind")}
                  />
                </td>
                <td className="num">
                  <TextField
                    id={id("amount")}
                    hideLabel
                    label={t("budget.cell", { column: t("budget.amount"), n })}
                    className="input input--amount"
                    inputMode="decimal"
                    autoComplete="off"
                    value={line.amount}
                    onChange={(e) => change(line.rowId, { amount: e.target.value })}
                    error={unreadable ? t("budget.notAnAmount") : fieldError(index, "amount")}
                  />
                </td>
                <td>
                  <TextField
                    id={id("nature")}
                    hideLabel
                    label={t("budget.cell", { column: t("budget.nature"), n })}
                    className="input input--short"
                    value={line.nature}
                    onChange={(e) => change(line.rowId, { nature: e.target.value })}
                    error={fieldError(index, "nature")}
                  />
                </td>
                <td>
                  <RowButton
                    label={t("budget.removeLine")}
                    context={` ${t("budget.lineN", { n, label: line.label })}`}
                    onClick={() => remove(line.rowId, index)}
                  />
                </td>
              </tr>
            ) : (
              <tr key={line.rowId}>
                <td>{missionName(line.missionId === "" ? null : line.missionId) ?? t("common.general")}</td>
                <th scope="row">{line.label}</th>
                <td>{t(`sections.${line.section}`)}</td>
                <td>{t(`budget.flows.${line.flow}`)}</td>
                <EurosCell value={toApiDecimal(line.amount)} />
                <td>{line.nature === "" ? "—" : line.nature}</td>
              </tr>
            );
          })}
        </tbody>
      </CaptionedTable>
      {editable && (
        <div className="actions">
          <button type="button" id="add-line" className="button button--secondary" onClick={add}>
            {t("budget.addLine")}
          </button>
          <SubmitButton saving={submit.saving} label={t("budget.save")} />
          {dirty && <span className="meta">{t("budget.unsaved")}</span>}
        </div>
      )}
      <SaveNotice saved={submit.saved} message={t("budget.saved")} />
    </form>
  );
}

function BalancePanel({ balance }: { balance: ReturnType<typeof computeBudgetBalance> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const euros = (cents: bigint) => centsToEuroText(cents);
  return (
    <section className="balance card" aria-labelledby="balance-title">
      <h2 id="balance-title" className="h3">
        {t("budget.balanceTitle")}
      </h2>
      <table className="table table--compact">
        <caption className="visually-hidden">{t("budget.balanceTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("budget.section")}</th>
            <NumHeader>{t("budget.expenses")}</NumHeader>
            <NumHeader>{t("budget.receipts")}</NumHeader>
            <NumHeader>{t("budget.balance")}</NumHeader>
          </tr>
        </thead>
        <tbody>
          {SECTIONS.map((s) => (
            <tr key={s} className={balance[s].balance === 0n ? "" : "row--warning"}>
              <th scope="row">{t(`sections.${s}`)}</th>
              <EurosCell value={euros(balance[s].expenses)} />
              <EurosCell value={euros(balance[s].receipts)} />
              <EurosCell value={euros(balance[s].balance)} strong />
            </tr>
          ))}
        </tbody>
      </table>
      <div aria-live="polite" className="balance__status">
        {SECTIONS.map((s) => (
          <p key={s} className={balance[s].balance === 0n ? "check check--ok" : "check check--excess"}>
            {balance[s].balance === 0n
              ? t("budget.balanced", { section: t(`sections.${s}`) })
              : t("budget.unbalanced", {
                  section: t(`sections.${s}`),
                  gap: formatEuros(euros(balance[s].balance), locale),
                })}
          </p>
        ))}
        {balance.unreadable.length > 0 && (
          <p className="check check--invalid">
            {t("budget.unreadable", { count: balance.unreadable.length })}
          </p>
        )}
      </div>
    </section>
  );
}
