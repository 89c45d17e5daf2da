import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import {
  AllocationKey as AllocationKeySchema,
  PercentKeyUpdate,
} from "../../../../../src/finance/contracts/api.ts";
import { formatRateInput, percentUnitsToText, toApiDecimal } from "../../../../../src/shared/money-input.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { Percent } from "../../../shared/components/amount.tsx";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { TextField } from "../../../shared/components/field.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SaveNotice } from "../../../shared/components/save-notice.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { formatPercent } from "../../../shared/format/format-percent.ts";
import { useDraft } from "../../../shared/hooks/use-draft.ts";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useLocale } from "../../../shared/i18n/use-locale.ts";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { canEditKeys, useAccount, useUnsavedChanges } from "../../access/index.ts";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { AllocationKey } from "../finance-types.ts";
import { checkPercentShares } from "./percent-check.ts";

/** The allocation keys (clés de répartition); percent keys are edited with a live 100 % check. */
export function KeysPage() {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const account = useAccount();
  return (
    <>
      <PageHeader title={t("keys.title")} />
      <p className="lead">{t("keys.intro")}</p>
      {entente.keys.map((key) =>
        key.basis === "percent" && canEditKeys(account) ? (
          <PercentKeyForm key={key.id} allocationKey={key} />
        ) : (
          <KeyView key={key.id} allocationKey={key} />
        ),
      )}
    </>
  );
}

function KeyHeading({ allocationKey }: { allocationKey: AllocationKey }) {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const missions = entente.missions.filter(
    (m) => m.keys.investissement === allocationKey.id || m.keys.fonctionnement === allocationKey.id,
  );
  return (
    <>
      <h2 id={`key-${allocationKey.id}`}>{allocationKey.label}</h2>
      <p className="meta">
        {t(`keyBasis.${allocationKey.basis}`)}
        {entente.defaultKey === allocationKey.id && <span className="tag">{t("keys.default")}</span>}
        {missions.length > 0 && (
          <> · {t("keys.usedBy", { missions: missions.map((m) => m.name).join(", ") })}</>
        )}
      </p>
    </>
  );
}

function KeyView({ allocationKey }: { allocationKey: AllocationKey }) {
  const { t, i18n } = useTranslation();
  const { memberName } = useEntente();
  return (
    <section aria-labelledby={`key-${allocationKey.id}`} className="section card">
      <KeyHeading allocationKey={allocationKey} />
      {allocationKey.source !== null && <p>{t("keys.sourceIs", { source: allocationKey.source })}</p>}
      <CaptionedTable
        caption={t("keys.sharesOf", { label: allocationKey.label })}
        className="table table--compact"
        hideCaption
      >
        <thead>
          <tr>
            <th scope="col">{t("common.member")}</th>
            {allocationKey.basis !== "percent" && (
              <th scope="col" className="num">
                {t(allocationKey.basis === "weights" ? "keys.weight" : "keys.criteriaValue")}
              </th>
            )}
            <th scope="col" className="num">
              {t("keys.share")}
            </th>
          </tr>
        </thead>
        <tbody>
          {allocationKey.shares.map((s) => (
            <tr key={s.memberId}>
              <th scope="row">{memberName(s.memberId)}</th>
              {allocationKey.basis !== "percent" && (
                <td className="num">{formatRateInput(s.value, i18n.language)}</td>
              )}
              <td className="num">
                <Percent value={s.percent} />
              </td>
            </tr>
          ))}
        </tbody>
      </CaptionedTable>
    </section>
  );
}

/** The key as edited: rates written the reader's way ("30,6" in French, as typed). */
const toKeyDraft = (key: AllocationKey, language: string) => ({
  label: key.label,
  source: key.source ?? "",
  values: key.shares.map((s) => formatRateInput(s.value, language)),
});

function PercentKeyForm({ allocationKey }: { allocationKey: AllocationKey }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const locale = useLocale();
  const { entente, memberName, update, reload } = useEntente();
  const toDraft = (key: AllocationKey) => toKeyDraft(key, i18n.language);
  const { draft, setDraft, adopt } = useDraft(allocationKey, allocationKey.rowVersion, toDraft);
  const { label, source, values } = draft;
  const setLabel = (label: string) => setDraft((d) => ({ ...d, label }));
  const setSource = (source: string) => setDraft((d) => ({ ...d, source }));
  const setValues = (values: string[]) => setDraft((d) => ({ ...d, values }));
  const submit = useSubmit();
  const check = checkPercentShares(values);
  const prefix = `key-${allocationKey.id}`;
  const dirty = JSON.stringify(draft) !== JSON.stringify(toDraft(allocationKey));
  useUnsavedChanges(dirty);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!check.ok) return;
    const body = {
      label,
      source: source.trim() === "" ? null : source.trim(),
      // the API wants "30.6": a value typed "30,6" is sent in its canonical form
      shares: allocationKey.shares.map((s, i) => ({
        memberId: s.memberId,
        value: toApiDecimal(values[i] ?? ""),
      })),
      rowVersion: allocationKey.rowVersion,
    };
    const saved = await submit.run(PercentKeyUpdate, body, (b) =>
      api.send("PUT", financePaths.key(entente.id, allocationKey.id), b, AllocationKeySchema),
    );
    if (saved === undefined) return;
    adopt(saved.rowVersion, toDraft(saved));
    update((e) => ({ ...e, keys: e.keys.map((k) => (k.id === saved.id ? saved : k)) }));
  };

  const sumText = formatPercent(percentUnitsToText(check.sum), locale);
  const gapText = formatPercent(percentUnitsToText(check.gap < 0n ? -check.gap : check.gap), locale);
  const status =
    check.invalid.length > 0 ? "invalid" : check.gap === 0n ? "ok" : check.gap > 0n ? "missing" : "excess";

  return (
    <section aria-labelledby={prefix} className="section card">
      <KeyHeading allocationKey={allocationKey} />
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <ProblemAlert
          error={submit.error}
          shownFields={(f) => f === "label" || f === "source" || /^shares\.\d+\.value$/.test(f)}
          onReload={() => {
            submit.reset();
            reload();
          }}
        />
        <div className="form-row">
          <TextField
            id={`${prefix}-label`}
            label={t("keys.label")}
            value={label}
            onChange={(e) => {
              submit.reset();
              setLabel(e.target.value);
            }}
            error={submit.fieldError("label")}
          />
          <TextField
            id={`${prefix}-source`}
            label={t("keys.source")}
            hint={t("keys.sourceHint")}
            value={source}
            onChange={(e) => {
              submit.reset();
              setSource(e.target.value);
            }}
            error={submit.fieldError("source")}
          />
        </div>
        <table className="table table--compact table--form">
          <caption className="visually-hidden">{t("keys.sharesOf", { label: allocationKey.label })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("common.member")}</th>
              <th scope="col" className="num">
                {t("keys.sharePercent")}
              </th>
            </tr>
          </thead>
          <tbody>
            {allocationKey.shares.map((s, i) => (
              <tr key={s.memberId}>
                <th scope="row">{memberName(s.memberId)}</th>
                <td className="num">
                  <TextField
                    id={`${prefix}-share-${i}`}
                    label={t("keys.shareOf", { member: memberName(s.memberId) })}
                    hideLabel
                    className="input input--amount"
                    inputMode="decimal"
                    autoComplete="off"
                    value={values[i] ?? ""}
                    onChange={(e) => {
                      submit.reset();
                      const next = [...values];
                      next[i] = e.target.value;
                      setValues(next);
                    }}
                    error={
                      check.invalid.includes(i) ? t("keys.notARate") : submit.fieldError(`shares.${i}.value`)
                    }
                  />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("keys.sum")}</th>
              <td className="num">
                <output htmlFor={allocationKey.shares.map((_, i) => `${prefix}-share-${i}`).join(" ")}>
                  {sumText}
                </output>
              </td>
            </tr>
          </tfoot>
        </table>
        <p aria-live="polite" className={`check check--${status}`} id={`${prefix}-check`}>
          {status === "ok" && t("keys.checkOk")}
          {status === "missing" && t("keys.checkMissing", { sum: sumText, gap: gapText })}
          {status === "excess" && t("keys.checkExcess", { sum: sumText, gap: gapText })}
          {status === "invalid" && t("keys.checkInvalid", { count: check.invalid.length })}
        </p>
        <SubmitButton
          saving={submit.saving}
          label={t("actions.save")}
          disabled={!check.ok}
          aria-describedby={`${prefix}-check`}
        />
        <SaveNotice saved={submit.saved} />
      </form>
    </section>
  );
}
