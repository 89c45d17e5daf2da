import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Connector, ResyncJob, ResyncJobList } from "../../../../src/provisioning/contracts.ts";
import { useApi } from "../../shared/api/api-context.ts";
import { useResource } from "../../shared/api/use-resource.ts";
import { CaptionedTable } from "../../shared/components/captioned-table.tsx";
import { DateText } from "../../shared/components/date-text.tsx";
import { ProblemAlert } from "../../shared/components/problem-alert.tsx";
import { ResourceStatus } from "../../shared/components/resource-status.tsx";
import { PageHeader } from "../../shared/layout/page-header.tsx";
import { useEntente } from "../finance/index.ts";
import { useAction } from "./use-action.ts";

const ConnectorList = z.array(Connector);
type Job = z.infer<typeof ResyncJob>;
/** How often the page reads the jobs again while one runs (milliseconds). */
const POLL_MS = 2000;

/**
 * The full resyncs (issue 12 item 1): per connector, start one; each job with its progress bar,
 * its counts (compared, created, updated, disabled, errors), and stop or resume. The page reads
 * the jobs again every two seconds while one runs.
 */
export function ResyncPage() {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const api = useApi();
  const action = useAction();
  const base = `/api/ententes/${encodeURIComponent(entente.id)}/provisioning`;
  const connectors = useResource(`${base}/connectors`, ConnectorList);
  const jobs = useResource(`${base}/resyncs`, ResyncJobList);
  const running = (jobs.data ?? []).some((j) => j.state === "running");
  const { reload } = jobs;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [running, reload]);
  const post = (path: string) => action.run(() => api.send("POST", `${base}${path}`, {}, ResyncJob), reload);
  const labelOf = (id: string) => connectors.data?.find((c) => c.id === id)?.label ?? id;
  const open = new Set(
    (jobs.data ?? []).filter((j) => j.state === "running" || j.state === "stopped").map((j) => j.connectorId),
  );
  return (
    <>
      <PageHeader title={t("provisioning.resync.title")} />
      <p className="lead">{t("provisioning.resync.intro")}</p>
      <ResourceStatus resource={connectors} />
      <ProblemAlert error={action.error} />
      {connectors.data !== undefined && connectors.data.length === 0 && (
        <p>{t("provisioning.deliveries.noConnector")}</p>
      )}
      <ul className="button-list">
        {(connectors.data ?? []).map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className="button"
              disabled={action.busy || open.has(c.id)}
              onClick={() => post(`/connectors/${encodeURIComponent(c.id)}/resyncs`)}
            >
              {t("provisioning.resync.start", { label: c.label })}
            </button>
          </li>
        ))}
      </ul>
      <ResourceStatus resource={jobs} />
      {jobs.data !== undefined && jobs.data.length > 0 && (
        <JobsTable
          jobs={jobs.data}
          labelOf={labelOf}
          busy={action.busy}
          onAction={(job, verb) => post(`/resyncs/${encodeURIComponent(job.id)}/${verb}`)}
        />
      )}
    </>
  );
}

/** The jobs, newest first, each with its progress bar, counts and stop or resume. */
function JobsTable({
  jobs,
  labelOf,
  busy,
  onAction,
}: {
  jobs: readonly Job[];
  labelOf: (connectorId: string) => string;
  busy: boolean;
  onAction: (job: Job, verb: "stop" | "resume") => void;
}) {
  const { t } = useTranslation();
  return (
    <CaptionedTable caption={t("provisioning.resync.caption", { count: jobs.length })} className="table">
      <thead>
        <tr>
          <th scope="col">{t("provisioning.deliveries.connector")}</th>
          <th scope="col">{t("provisioning.resync.state")}</th>
          <th scope="col">{t("provisioning.resync.progress")}</th>
          <th scope="col">{t("provisioning.resync.counts")}</th>
          <th scope="col">{t("provisioning.resync.startedAt")}</th>
          <th scope="col">{t("provisioning.deliveries.actions")}</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((j) => (
          <tr key={j.id}>
            <th scope="row">{labelOf(j.connectorId)}</th>
            <td data-state={j.state}>
              {t(`provisioning.resync.states.${j.state}`)}
              {j.lastError !== null && <code className="peer-answer"> {j.lastError}</code>}
            </td>
            <td>
              <progress
                value={j.compared}
                max={Math.max(j.total, 1)}
                aria-label={t("provisioning.resync.progressOf", { label: labelOf(j.connectorId) })}
              />{" "}
              {t("provisioning.resync.compared", { compared: j.compared, total: j.total })}
            </td>
            <td>{t("provisioning.resync.countsText", j)}</td>
            <td>
              <DateText value={j.startedAt} withTime />
            </td>
            <td>
              {(j.state === "running" || j.state === "stopped" || j.state === "failed") && (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={busy}
                  onClick={() => onAction(j, j.state === "running" ? "stop" : "resume")}
                >
                  {j.state === "running" ? t("provisioning.resync.stop") : t("provisioning.resync.resume")}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </CaptionedTable>
  );
}
