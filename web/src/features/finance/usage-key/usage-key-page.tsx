import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "../../../shared/components/field.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { SubmitButton } from "../../../shared/components/submit-button.tsx";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { canEditKeys, useAccount } from "../../access/index.ts";
import { FrozenUsageKeys } from "./frozen-usage-keys.tsx";
import type { UsageKeyDraft } from "./usage-key-draft.ts";
import { UsageKeyPreview } from "./usage-key-preview.tsx";
import { useUsageKey } from "./use-usage-key.ts";

/**
 * The usage key of a mission spécifique (issue 11 §2): every reader sees the keys frozen, with
 * their period; the secretariat computes one from a workplace service's accounts or measured
 * usage over an exercise, previews the shares (nothing saved), then freezes it from that
 * exercise (`POST …/usage-keys`, CSRF, audited; refused for an approved or adopted year).
 */
export function UsageKeyPage() {
  const { t } = useTranslation();
  const account = useAccount();
  return (
    <>
      <PageHeader title={t("usageKey.title")} />
      <p className="lead">{t("usageKey.intro")}</p>
      <FrozenUsageKeys />
      {canEditKeys(account) && <UsageKeyForm />}
    </>
  );
}

/** Mission, section, exercise, service and what is counted; compute, then freeze. */
function UsageKeyForm() {
  const { t } = useTranslation();
  const { draft, edit, missions, years, services, preview, submit, compute, freeze } = useUsageKey();
  if (missions.length === 0) return <p className="alert alert--info">{t("usageKey.noMission")}</p>;
  return (
    <section aria-labelledby="usage-compute-title" className="section card">
      <h2 id="usage-compute-title">{t("usageKey.computeTitle")}</h2>
      <ResourceStatus resource={services} />
      <form className="form" onSubmit={compute} noValidate aria-label={t("usageKey.computeTitle")}>
        <ProblemAlert
          error={submit.error}
          shownFields={(f) => f === "year" || f === "metric" || f === "service"}
        />
        <div className="form-row">
          <SelectField
            id="usage-mission"
            label={t("usageKey.mission")}
            value={draft.missionId}
            options={missions.map((m) => ({ value: m.id, label: m.name }))}
            onChange={(e) => edit({ missionId: e.target.value })}
          />
          <SelectField
            id="usage-section"
            label={t("usageKey.section")}
            value={draft.section}
            options={(["fonctionnement", "investissement"] as const).map((s) => ({
              value: s,
              label: t(`sections.${s}`),
            }))}
            onChange={(e) => edit({ section: e.target.value as UsageKeyDraft["section"] })}
          />
          <SelectField
            id="usage-year"
            label={t("usageKey.year")}
            value={draft.year}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
            onChange={(e) => edit({ year: e.target.value })}
            error={submit.fieldError("year")}
          />
        </div>
        <ServiceAndMetric
          draft={draft}
          edit={edit}
          catalogue={services.data}
          fieldError={submit.fieldError}
        />
        <SubmitButton saving={submit.saving} label={t("usageKey.compute")} disabled={draft.service === ""} />
      </form>
      {preview !== undefined && <UsageKeyPreview usageKey={preview} />}
      {preview !== undefined && !preview.frozen && (
        <>
          <p className="hint">{t("usageKey.freezeHint")}</p>
          <button type="button" className="button" onClick={freeze} disabled={submit.saving}>
            {t("usageKey.freeze", { year: preview.year })}
          </button>
        </>
      )}
    </section>
  );
}

/** The workplace service (from the catalogue) and what is counted: its accounts, or a metric it reports. */
function ServiceAndMetric({
  draft,
  edit,
  catalogue,
  fieldError,
}: {
  draft: UsageKeyDraft;
  edit: (change: Partial<UsageKeyDraft>) => void;
  catalogue: readonly { clientId: string; name: string }[] | undefined;
  fieldError: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      {catalogue !== undefined && catalogue.length === 0 ? (
        <p className="alert alert--info">{t("usageKey.noService")}</p>
      ) : (
        <SelectField
          id="usage-service"
          label={t("usageKey.service")}
          hint={t("usageKey.serviceHint")}
          value={draft.service}
          options={(catalogue ?? []).map((s) => ({ value: s.clientId, label: s.name }))}
          onChange={(e) => edit({ service: e.target.value })}
          error={fieldError("service")}
        />
      )}
      <div className="form-row">
        <SelectField
          id="usage-counted"
          label={t("usageKey.counted")}
          value={draft.counted}
          options={[
            { value: "seats", label: t("usageKey.seats") },
            { value: "measured", label: t("usageKey.measured") },
          ]}
          onChange={(e) => edit({ counted: e.target.value as UsageKeyDraft["counted"] })}
        />
        {draft.counted === "measured" && (
          <TextField
            id="usage-metric"
            label={t("usageKey.metric")}
            hint={t("usageKey.metricHint")}
            value={draft.metric}
            onChange={(e) => edit({ metric: e.target.value })}
            error={fieldError("metric")}
          />
        )}
      </div>
    </>
  );
}
