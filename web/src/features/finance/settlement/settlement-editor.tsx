import { type FormEvent, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import {
  Settlement as SettlementSchema,
  SettlementUpdate,
} from "../../../../../src/finance/contracts/api.ts";
import {
  centsToEuroText,
  formatAmountInput,
  parseSignedEuroCents,
  sumEuros,
  toApiAmount,
} from "../../../../../src/shared/money-input.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { ApiError } from "../../../shared/api/api-error.ts";
import { ActionsHeader } from "../../../shared/components/actions-header.tsx";
import { AddRowButton } from "../../../shared/components/add-row-button.tsx";
import { Euros } from "../../../shared/components/amount.tsx";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { ColGroup } from "../../../shared/components/col-group.tsx";
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
import type { BudgetStatus, Member, Settlement } from "../finance-types.ts";
import { type AdjustmentCheck, checkAdjustment } from "./adjustment-check.ts";

type DraftAdvance = {
  /** Stable identity of the row while editing (React key, input ids). */
  rowId: number;
  id: string;
  label: string;
  memberId: string;
  /** As typed ("70 140"); sent in the API's form ("70140.00"). */
  amount: string;
  keyId: string;
};

type DraftAdjustment = {
  rowId: number;
  id: string;
  label: string;
  /** One signed amount per member of the entente, as typed; empty: the member is not concerned. */
  amounts: Record<string, string>;
};

type Draft = { advances: DraftAdvance[]; adjustments: DraftAdjustment[] };

function toDraft(settlement: Settlement, members: readonly Member[], language: string): Draft {
  let rowId = 0;
  return {
    advances: settlement.advances.map((a) => ({
      rowId: rowId++,
      id: a.id,
      label: a.label,
      memberId: a.memberId,
      amount: formatAmountInput(a.amount, language),
      keyId: a.keyId,
    })),
    adjustments: settlement.adjustments.map((a) => ({
      rowId: rowId++,
      id: a.id,
      label: a.label,
      amounts: Object.fromEntries(
        members.map((m) => [
          m.id,
          formatAmountInput(a.amounts.find((x) => x.memberId === m.id)?.amount ?? "", language),
        ]),
      ),
    })),
  };
}

/** The members an adjustment sends an amount for, in the entente's order (empty amounts are left out). */
const sentMembers = (adjustment: DraftAdjustment, members: readonly Member[]) =>
  members.filter((m) => (adjustment.amounts[m.id] ?? "").trim() !== "").map((m) => m.id);

/** What the API expects: "−100" is sent as "-100.00", an empty amount not at all. */
function toBody(draft: Draft, rowVersion: number, members: readonly Member[]) {
  return {
    rowVersion,
    advances: draft.advances.map((a) => ({
      id: a.id.trim(),
      label: a.label,
      memberId: a.memberId,
      amount: toApiAmount(a.amount),
      keyId: a.keyId,
    })),
    adjustments: draft.adjustments.map((a) => ({
      id: a.id.trim(),
      label: a.label,
      amounts: sentMembers(a, members).map((memberId) => ({
        memberId,
        amount: toApiAmount(a.amounts[memberId] ?? ""),
      })),
    })),
  };
}

/** A new row's id that no other row of the list has: "avance-2", "regularisation-1"… */
function freeId(prefix: string, taken: readonly { id: string }[]): string {
  for (let n = taken.length + 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!taken.some((x) => x.id === id)) return id;
  }
}

const notAnAdvanceAmount = (text: string) => {
  if (text.trim() === "") return false; // an empty amount is the schema's to report, on save
  const cents = parseSignedEuroCents(text);
  return cents === null || cents < 0n;
};

/**
 * The advances and adjustments of one exercise, saved together (one rowVersion). Each
 * adjustment's sum is recomputed in BigInt cents at every keystroke and must be exactly 0 for
 * Save to be offered; the other rules (known members and keys, payer in the key, whole euros)
 * are the server's, whose messages appear next to their fields. Read-only, from the server's
 * data, for roles other than the secretariat and once the exercise's budget is not a draft.
 */
export function SettlementEditor({
  settlement,
  budgetStatus,
  onSaved,
  onReload,
  onBudgetChanged,
}: {
  settlement: Settlement;
  /** Status of the exercise's budget (latest version); null when the exercise has none. */
  budgetStatus: BudgetStatus | null;
  onSaved: (settlement: Settlement) => void;
  onReload: () => void;
  /** Called when the server says the budget is no longer a draft (someone adopted it meanwhile). */
  onBudgetChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const account = useAccount();
  const { entente } = useEntente();
  const members = entente.members;
  const toDrafts = (s: Settlement) => toDraft(s, members, i18n.language);
  const { draft, setDraft, adopt } = useDraft(settlement, settlement.rowVersion, toDrafts);
  const nextRowId = useRef(settlement.advances.length + settlement.adjustments.length);
  const submit = useSubmit();
  const formId = useId();
  const mayEdit = canEditBudget(account);
  const editable = mayEdit && budgetStatus === "draft";

  const checks = draft.adjustments.map((a) => checkAdjustment(members.map((m) => a.amounts[m.id] ?? "")));
  const blocked = checks.flatMap((c, i) => (c.status === "ok" ? [] : [i + 1]));
  const body = toBody(draft, settlement.rowVersion, members);
  const dirty =
    JSON.stringify(body) !== JSON.stringify(toBody(toDrafts(settlement), settlement.rowVersion, members));
  useUnsavedChanges(editable && dirty);

  const edit = (change: (d: Draft) => Draft) => {
    submit.reset();
    setDraft(change);
  };
  const changeAdvance = (rowId: number, patch: Partial<DraftAdvance>) =>
    edit((d) => ({ ...d, advances: d.advances.map((a) => (a.rowId === rowId ? { ...a, ...patch } : a)) }));
  const changeAdjustment = (rowId: number, patch: (a: DraftAdjustment) => Partial<DraftAdjustment>) =>
    edit((d) => ({
      ...d,
      adjustments: d.adjustments.map((a) => (a.rowId === rowId ? { ...a, ...patch(a) } : a)),
    }));
  const focusSoon = (id: string, fallback: string) =>
    // once the change is rendered
    requestAnimationFrame(() => (document.getElementById(id) ?? document.getElementById(fallback))?.focus());

  const addAdvance = () => {
    const rowId = nextRowId.current++;
    edit((d) => ({
      ...d,
      advances: [
        ...d.advances,
        {
          rowId,
          id: freeId("avance", d.advances),
          label: "",
          memberId: members[0]?.id ?? "",
          amount: "",
          keyId: entente.defaultKey,
        },
      ],
    }));
    focusSoon(`advance-${rowId}-label`, `${formId}-add-advance`);
  };
  const removeAdvance = (rowId: number, index: number) => {
    const next = draft.advances.filter((a) => a.rowId !== rowId);
    edit((d) => ({ ...d, advances: d.advances.filter((a) => a.rowId !== rowId) }));
    const neighbour = next[Math.min(index, next.length - 1)];
    focusSoon(neighbour === undefined ? "" : `advance-${neighbour.rowId}-id`, `${formId}-add-advance`);
  };
  const addAdjustment = () => {
    const rowId = nextRowId.current++;
    edit((d) => ({
      ...d,
      adjustments: [
        ...d.adjustments,
        {
          rowId,
          id: freeId("regularisation", d.adjustments),
          label: "",
          amounts: Object.fromEntries(members.map((m) => [m.id, ""])),
        },
      ],
    }));
    focusSoon(`adjustment-${rowId}-label`, `${formId}-add-adjustment`);
  };
  const removeAdjustment = (rowId: number, index: number) => {
    const next = draft.adjustments.filter((a) => a.rowId !== rowId);
    edit((d) => ({ ...d, adjustments: d.adjustments.filter((a) => a.rowId !== rowId) }));
    const neighbour = next[Math.min(index, next.length - 1)];
    focusSoon(neighbour === undefined ? "" : `adjustment-${neighbour.rowId}-id`, `${formId}-add-adjustment`);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (blocked.length > 0) return;
    const saved = await submit.run(SettlementUpdate, body, (b) =>
      api
        .send("PUT", financePaths.settlement(entente.id, settlement.year), b, SettlementSchema)
        .catch((error: unknown) => {
          if (error instanceof ApiError && error.code === "budget.not_editable") onBudgetChanged();
          throw error;
        }),
    );
    if (saved !== undefined) {
      const drafts = toDrafts(saved);
      nextRowId.current = saved.advances.length + saved.adjustments.length;
      adopt(saved.rowVersion, drafts);
      onSaved(saved);
    }
  };

  // Server and schema messages, by field: "advances.0.amount", "adjustments.1.amounts" (sum),
  // one member's amount as "adjustments.1.amounts.0.amount" (index sent) or "adjustments.1.amounts.sitiv".
  const advanceError = (index: number, field: string) => submit.fieldError(`advances.${index}.${field}`);
  const adjustmentError = (index: number, field: string) =>
    submit.fieldError(`adjustments.${index}.${field}`);
  const memberAmountFields = (index: number, adjustment: DraftAdjustment, memberId: string) => {
    const sent = sentMembers(adjustment, members).indexOf(memberId);
    const prefix = `adjustments.${index}.amounts`;
    return [
      ...(sent < 0 ? [] : [`${prefix}.${sent}.amount`, `${prefix}.${sent}.memberId`, `${prefix}.${sent}`]),
      `${prefix}.${memberId}`,
    ];
  };
  const memberAmountError = (index: number, adjustment: DraftAdjustment, memberId: string) =>
    memberAmountFields(index, adjustment, memberId)
      .map((f) => submit.fieldError(f))
      .find((m) => m !== undefined);
  const shownFields = new Set(
    editable
      ? [
          ...draft.advances.flatMap((_, i) =>
            ["id", "label", "memberId", "amount", "keyId"].map((f) => `advances.${i}.${f}`),
          ),
          ...draft.adjustments.flatMap((a, i) => [
            `adjustments.${i}.id`,
            `adjustments.${i}.label`,
            `adjustments.${i}.amounts`,
            ...members.flatMap((m) => memberAmountFields(i, a, m.id)),
          ]),
        ]
      : [],
  );

  const status = editable
    ? t("settlement.editHint")
    : !mayEdit
      ? t("settlement.readOnly")
      : budgetStatus === null
        ? t("settlement.noBudget")
        : t("settlement.notDraft", {
            year: settlement.year,
            status: t(`budgetStatus.${budgetStatus}`),
          });

  return (
    <form
      className="form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-describedby={`${formId}-status`}
    >
      <div id={`${formId}-status`} className="hint">
        <p>{status}</p>
        {editable && entente.roundingUnit === "euro" && <p>{t("settlement.wholeEuros")}</p>}
      </div>
      <ProblemAlert
        error={submit.error}
        shownFields={(f) => shownFields.has(f)}
        onReload={() => {
          submit.reset();
          onReload();
        }}
      />

      <section aria-labelledby={`${formId}-advances`} className="section">
        <h2 id={`${formId}-advances`}>{t("settlement.advances")}</h2>
        {editable ? (
          <AdvancesForm
            advances={draft.advances}
            year={settlement.year}
            onChange={changeAdvance}
            onRemove={removeAdvance}
            error={advanceError}
          />
        ) : (
          <AdvancesView settlement={settlement} />
        )}
        {editable && (
          <AddRowButton id={`${formId}-add-advance`} onClick={addAdvance}>
            {t("settlement.addAdvance")}
          </AddRowButton>
        )}
      </section>

      <section aria-labelledby={`${formId}-adjustments`} className="section">
        <h2 id={`${formId}-adjustments`}>{t("settlement.adjustments")}</h2>
        {editable ? (
          <>
            {draft.adjustments.length === 0 && <p>{t("settlement.noAdjustments")}</p>}
            {draft.adjustments.map((adjustment, index) => (
              <AdjustmentForm
                key={adjustment.rowId}
                adjustment={adjustment}
                n={index + 1}
                check={checks[index] ?? checkAdjustment([])}
                onChange={(patch) => changeAdjustment(adjustment.rowId, patch)}
                onRemove={() => removeAdjustment(adjustment.rowId, index)}
                error={(field) => adjustmentError(index, field)}
                amountError={(memberId) => memberAmountError(index, adjustment, memberId)}
              />
            ))}
          </>
        ) : (
          <AdjustmentsView settlement={settlement} />
        )}
        {editable && (
          <AddRowButton id={`${formId}-add-adjustment`} onClick={addAdjustment}>
            {t("settlement.addAdjustment")}
          </AddRowButton>
        )}
      </section>

      {editable && (
        <div className="actions">
          <SubmitButton
            saving={submit.saving}
            label={t("settlement.save")}
            disabled={blocked.length > 0}
            aria-describedby={blocked.length > 0 ? `${formId}-blocked` : undefined}
          />
          {dirty && <span className="meta">{t("settlement.unsaved")}</span>}
          {blocked.length > 0 && (
            <p id={`${formId}-blocked`} className="check check--excess">
              {t("settlement.blocked", { count: blocked.length, list: blocked.join(", ") })}
            </p>
          )}
        </div>
      )}
      <SaveNotice saved={submit.saved} message={t("settlement.saved")} />
    </form>
  );
}

function AdvancesForm({
  advances,
  year,
  onChange,
  onRemove,
  error,
}: {
  advances: readonly DraftAdvance[];
  year: number;
  onChange: (rowId: number, patch: Partial<DraftAdvance>) => void;
  onRemove: (rowId: number, index: number) => void;
  error: (index: number, field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const caption = t("settlement.advancesCaption", { count: advances.length, year });
  if (advances.length === 0) return <p>{t("settlement.noAdvances")}</p>;
  const memberOptions = entente.members.map((m) => ({ value: m.id, label: m.name }));
  const keyOptions = entente.keys.map((k) => ({ value: k.id, label: k.label }));
  const cell = (column: string, n: number) => t("settlement.advanceCell", { column, n });
  return (
    <CaptionedTable caption={caption} className="table table--form table--settlement" hideCaption>
      <ColGroup classes={["col--id", undefined, "col--payer", "col--amount", "col--key", "col--action"]} />
      <thead>
        <tr>
          <th scope="col">{t("settlement.id")}</th>
          <th scope="col">{t("settlement.label")}</th>
          <th scope="col">{t("settlement.payer")}</th>
          <NumHeader>{t("settlement.amount")}</NumHeader>
          <th scope="col">{t("settlement.key")}</th>
          <ActionsHeader />
        </tr>
      </thead>
      <tbody>
        {advances.map((advance, index) => {
          const n = index + 1;
          const id = (f: string) => `advance-${advance.rowId}-${f}`;
          return (
            <tr key={advance.rowId} data-advance-row>
              <td>
                <TextField
                  id={id("id")}
                  hideLabel
                  label={cell(t("settlement.id"), n)}
                  className="input input--short"
                  autoComplete="off"
                  spellCheck={false}
                  value={advance.id}
                  onChange={(e) => onChange(advance.rowId, { id: e.target.value })}
                  error={error(index, "id")}
                />
              </td>
              <td>
                <TextField
                  id={id("label")}
                  hideLabel
                  label={cell(t("settlement.label"), n)}
                  className="input input--label"
                  value={advance.label}
                  onChange={(e) => onChange(advance.rowId, { label: e.target.value })}
                  error={error(index, "label")}
                />
              </td>
              <td>
                <SelectField
                  id={id("member")}
                  hideLabel
                  label={cell(t("settlement.payer"), n)}
                  value={advance.memberId}
                  options={memberOptions}
                  onChange={(e) => onChange(advance.rowId, { memberId: e.target.value })}
                  error={error(index, "memberId")}
                />
              </td>
              <td className="num">
                <TextField
                  id={id("amount")}
                  hideLabel
                  label={cell(t("settlement.amount"), n)}
                  className="input input--amount"
                  inputMode="decimal"
                  autoComplete="off"
                  value={advance.amount}
                  onChange={(e) => onChange(advance.rowId, { amount: e.target.value })}
                  error={
                    notAnAdvanceAmount(advance.amount) ? t("settlement.notAnAmount") : error(index, "amount")
                  }
                />
              </td>
              <td>
                <SelectField
                  id={id("key")}
                  hideLabel
                  label={cell(t("settlement.key"), n)}
                  value={advance.keyId}
                  options={keyOptions}
                  onChange={(e) => onChange(advance.rowId, { keyId: e.target.value })}
                  error={error(index, "keyId")}
                />
              </td>
              <td>
                <RowButton
                  label={t("settlement.remove")}
                  context={` ${t("settlement.advanceN", { n, label: advance.label })}`}
                  onClick={() => onRemove(advance.rowId, index)}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </CaptionedTable>
  );
}

function AdjustmentForm({
  adjustment,
  n,
  check,
  onChange,
  onRemove,
  error,
  amountError,
}: {
  adjustment: DraftAdjustment;
  n: number;
  check: AdjustmentCheck;
  onChange: (patch: (a: DraftAdjustment) => Partial<DraftAdjustment>) => void;
  onRemove: () => void;
  error: (field: string) => string | undefined;
  amountError: (memberId: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { entente } = useEntente();
  const prefix = `adjustment-${adjustment.rowId}`;
  const sum = formatEuros(centsToEuroText(check.sum), locale);
  const sumError = error("amounts");
  const cell = (column: string) => t("settlement.adjustmentCell", { column, n });
  const title =
    adjustment.label.trim() === ""
      ? t("settlement.adjustmentTitle", { n })
      : t("settlement.adjustmentTitleLabel", { n, label: adjustment.label });
  const checkClass = {
    ok: "check check--ok",
    off: "check check--excess",
    invalid: "check check--invalid",
    empty: "check check--missing",
  }[check.status];
  return (
    <fieldset className="fieldset card adjustment" data-adjustment>
      <legend>{title}</legend>
      <div className="form-row">
        <TextField
          id={`${prefix}-id`}
          label={cell(t("settlement.id"))}
          autoComplete="off"
          spellCheck={false}
          value={adjustment.id}
          onChange={(e) => onChange(() => ({ id: e.target.value }))}
          error={error("id")}
        />
        <TextField
          id={`${prefix}-label`}
          label={cell(t("settlement.label"))}
          value={adjustment.label}
          onChange={(e) => onChange(() => ({ label: e.target.value }))}
          error={error("label")}
        />
      </div>
      <p id={`${prefix}-hint`} className="hint">
        {t("settlement.signedHint")}
      </p>
      <table className="table table--compact table--form table--amounts">
        <caption className="visually-hidden">{t("settlement.amountsCaption", { n })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("common.member")}</th>
            <th scope="col" className="num">
              {t("settlement.amount")}
            </th>
          </tr>
        </thead>
        <tbody>
          {entente.members.map((member, i) => {
            const id = `${prefix}-amount-${i}`;
            const message = check.invalid.includes(i)
              ? t("settlement.notASignedAmount")
              : amountError(member.id);
            return (
              <tr key={member.id}>
                <th scope="row">{member.name}</th>
                <td className="num">
                  <TextField
                    id={id}
                    hideLabel
                    label={t("settlement.amountFor", { member: member.name, n })}
                    className="input input--amount"
                    autoComplete="off"
                    value={adjustment.amounts[member.id] ?? ""}
                    onChange={(e) =>
                      onChange((a) => ({ amounts: { ...a.amounts, [member.id]: e.target.value } }))
                    }
                    error={message}
                    aria-describedby={[`${prefix}-hint`, message === undefined ? null : `${id}-error`]
                      .filter((x) => x !== null)
                      .join(" ")}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("settlement.sum")}</th>
            <td className="num">
              <output htmlFor={entente.members.map((_, i) => `${prefix}-amount-${i}`).join(" ")}>
                {sum}
              </output>
            </td>
          </tr>
        </tfoot>
      </table>
      <p aria-live="polite" className={checkClass} id={`${prefix}-check`}>
        {check.status === "ok" && t("settlement.sumOk", { n, sum })}
        {check.status === "off" && t("settlement.sumOff", { n, sum })}
        {check.status === "empty" && t("settlement.sumEmpty", { n })}
        {check.status === "invalid" && t("settlement.sumInvalid", { n, count: check.invalid.length })}
      </p>
      {sumError !== undefined && (
        <p className="field__error" id={`${prefix}-amounts-error`}>
          {sumError}
        </p>
      )}
      <button type="button" className="button button--tertiary button--small" onClick={onRemove}>
        {t("settlement.removeAdjustment", { n })}
      </button>
    </fieldset>
  );
}

function AdvancesView({ settlement }: { settlement: Settlement }) {
  const { t } = useTranslation();
  const { entente, memberName } = useEntente();
  const keyLabel = (id: string) => entente.keys.find((k) => k.id === id)?.label ?? id;
  const caption = t("settlement.advancesCaption", {
    count: settlement.advances.length,
    year: settlement.year,
  });
  if (settlement.advances.length === 0) return <p>{t("settlement.noAdvances")}</p>;
  return (
    <CaptionedTable caption={caption} className="table" hideCaption>
      <thead>
        <tr>
          <th scope="col">{t("settlement.label")}</th>
          <th scope="col">{t("settlement.id")}</th>
          <th scope="col">{t("settlement.payer")}</th>
          <th scope="col" className="num">
            {t("settlement.amount")}
          </th>
          <th scope="col">{t("settlement.key")}</th>
        </tr>
      </thead>
      <tbody>
        {settlement.advances.map((a) => (
          <tr key={a.id}>
            <th scope="row">{a.label}</th>
            <td>
              <code>{a.id}</code>
            </td>
            <td>{memberName(a.memberId)}</td>
            <td className="num">
              <Euros value={a.amount} />
            </td>
            <td>{keyLabel(a.keyId)}</td>
          </tr>
        ))}
      </tbody>
    </CaptionedTable>
  );
}

function AdjustmentsView({ settlement }: { settlement: Settlement }) {
  const { t } = useTranslation();
  const { entente } = useEntente();
  if (settlement.adjustments.length === 0) return <p>{t("settlement.noAdjustments")}</p>;
  return settlement.adjustments.map((a, index) => {
    const n = index + 1;
    const headingId = `adjustment-view-${index}`;
    return (
      <section key={a.id} aria-labelledby={headingId} className="card adjustment">
        <h3 id={headingId}>{t("settlement.adjustmentTitleLabel", { n, label: a.label })}</h3>
        <p className="meta">{t("settlement.idIs", { id: a.id })}</p>
        <table className="table table--compact table--amounts">
          <caption className="visually-hidden">{t("settlement.amountsCaption", { n })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("common.member")}</th>
              <th scope="col" className="num">
                {t("settlement.amount")}
              </th>
            </tr>
          </thead>
          <tbody>
            {entente.members.map((m) => {
              const amount = a.amounts.find((x) => x.memberId === m.id)?.amount;
              return (
                <tr key={m.id}>
                  <th scope="row">{m.name}</th>
                  <td className="num">{amount === undefined ? "—" : <Euros value={amount} />}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("settlement.sum")}</th>
              <td className="num">
                <Euros value={sumEuros(a.amounts.map((x) => x.amount))} />
              </td>
            </tr>
          </tfoot>
        </table>
      </section>
    );
  });
}
