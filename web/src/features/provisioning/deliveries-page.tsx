import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { DeliveryList, ReplayAnswer } from "../../../../src/provisioning/contracts.ts";
import { useApi } from "../../shared/api/api-context.ts";
import { useResource } from "../../shared/api/use-resource.ts";
import { CaptionedTable } from "../../shared/components/captioned-table.tsx";
import { DateText } from "../../shared/components/date-text.tsx";
import { SelectField, TextField } from "../../shared/components/field.tsx";
import { ProblemAlert } from "../../shared/components/problem-alert.tsx";
import { ResourceStatus } from "../../shared/components/resource-status.tsx";
import { PageHeader } from "../../shared/layout/page-header.tsx";
import { useEntente } from "../finance/index.ts";
import { useAction } from "./use-action.ts";

type Listed = z.infer<typeof DeliveryList>;
const STATES = ["", "failed", "pending", "done"] as const;
/** How often the page reads the deliveries again while some are pending (milliseconds). */
const POLL_MS = 2000;

/**
 * The provisioning deliveries (issue 12 item 1): per connector its counts and since when its peer
 * fails, with « Rejouer » for its failed deliveries; then the deliveries, filtered by state and
 * person, each failed one with the peer's answer (shown as text: React escapes it).
 */
export function DeliveriesPage() {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const [filters, setFilters] = useState({ state: "failed", person: "" });
  const query = new URLSearchParams({ limit: "100" });
  if (filters.state !== "") query.set("state", filters.state);
  if (filters.person.trim() !== "") query.set("person", filters.person.trim());
  const base = `/api/ententes/${encodeURIComponent(entente.id)}/provisioning`;
  const listed = useResource(`${base}/deliveries?${query}`, DeliveryList);
  // While deliveries are pending (a replay, a peer retried), the page reads them again.
  const pending = (listed.data?.counts.pending ?? 0) > 0;
  const { reload } = listed;
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [pending, reload]);
  return (
    <>
      <PageHeader title={t("provisioning.deliveries.title")} />
      <p className="lead">{t("provisioning.deliveries.intro")}</p>
      <ResourceStatus resource={listed} />
      {listed.data !== undefined && (
        <ConnectorsTable connectors={listed.data.connectors} base={base} onReplayed={listed.reload} />
      )}
      <Filters initial={filters} onApply={setFilters} />
      {listed.data !== undefined && <DeliveriesTable deliveries={listed.data.deliveries} />}
    </>
  );
}

/** Per connector: pending, failed, done, since when its peer fails, and the replay of its failed deliveries. */
function ConnectorsTable({
  connectors,
  base,
  onReplayed,
}: {
  connectors: Listed["connectors"];
  base: string;
  onReplayed: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const action = useAction();
  const replay = (connectorId: string) =>
    api.send("POST", `${base}/connectors/${encodeURIComponent(connectorId)}/replay-failed`, {}, ReplayAnswer);
  if (connectors.length === 0) return <p>{t("provisioning.deliveries.noConnector")}</p>;
  return (
    <>
      <ProblemAlert error={action.error} />
      <CaptionedTable caption={t("provisioning.deliveries.connectors")} className="table">
        <thead>
          <tr>
            <th scope="col">{t("provisioning.deliveries.connector")}</th>
            <th scope="col" className="num">
              {t("provisioning.deliveries.states.pending")}
            </th>
            <th scope="col" className="num">
              {t("provisioning.deliveries.states.failed")}
            </th>
            <th scope="col" className="num">
              {t("provisioning.deliveries.states.done")}
            </th>
            <th scope="col">{t("provisioning.deliveries.peer")}</th>
            <th scope="col">{t("provisioning.deliveries.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {connectors.map((c) => (
            <tr key={c.connectorId}>
              <th scope="row">{c.label}</th>
              <td className="num">{c.pending}</td>
              <td className="num">{c.failed}</td>
              <td className="num">{c.done}</td>
              <td>
                {c.failingSince === null ? (
                  t("provisioning.deliveries.answers")
                ) : (
                  <>
                    {t("provisioning.deliveries.failingSince", { label: c.label })}{" "}
                    <DateText value={c.failingSince} withTime />
                  </>
                )}
              </td>
              <td>
                {c.failed > 0 && (
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={action.busy}
                    aria-label={t("provisioning.deliveries.replayAllOf", { label: c.label })}
                    onClick={() => action.run(() => replay(c.connectorId), onReplayed)}
                  >
                    {t("provisioning.deliveries.replayAll")}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </CaptionedTable>
    </>
  );
}

/** State and person (sub or part of the user name); applied on submit. */
function Filters({
  initial,
  onApply,
}: {
  initial: { state: string; person: string };
  onApply: (filters: { state: string; person: string }) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  return (
    <form
      className="form form--inline"
      aria-label={t("provisioning.deliveries.filters")}
      onSubmit={(e) => {
        e.preventDefault();
        onApply(draft);
      }}
    >
      <SelectField
        id="deliveries-state"
        label={t("provisioning.deliveries.state")}
        value={draft.state}
        options={STATES.map((s) => ({
          value: s,
          label: s === "" ? t("provisioning.deliveries.all") : t(`provisioning.deliveries.states.${s}`),
        }))}
        onChange={(e) => setDraft((d) => ({ ...d, state: e.target.value }))}
      />
      <TextField
        id="deliveries-person"
        label={t("provisioning.deliveries.person")}
        value={draft.person}
        onChange={(e) => setDraft((d) => ({ ...d, person: e.target.value }))}
      />
      <button type="submit" className="button">
        {t("provisioning.deliveries.apply")}
      </button>
    </form>
  );
}

/** The deliveries, newest first: the failed ones with the peer's answer, attempts and next retry. */
function DeliveriesTable({ deliveries }: { deliveries: Listed["deliveries"] }) {
  const { t } = useTranslation();
  if (deliveries.length === 0) return <p>{t("provisioning.deliveries.none")}</p>;
  return (
    <CaptionedTable
      caption={t("provisioning.deliveries.caption", { count: deliveries.length })}
      className="table"
    >
      <thead>
        <tr>
          <th scope="col">{t("provisioning.deliveries.person")}</th>
          <th scope="col">{t("provisioning.deliveries.change")}</th>
          <th scope="col">{t("provisioning.deliveries.connector")}</th>
          <th scope="col">{t("provisioning.deliveries.state")}</th>
          <th scope="col" className="num">
            {t("provisioning.deliveries.attempts")}
          </th>
          <th scope="col">{t("provisioning.deliveries.nextAttempt")}</th>
          <th scope="col">{t("provisioning.deliveries.answer")}</th>
        </tr>
      </thead>
      <tbody>
        {deliveries.map((d) => (
          <tr key={`${d.eventId}-${d.connectorId}`}>
            <th scope="row">{d.userName || d.sub}</th>
            <td>{t(`provisioning.deliveries.kinds.${d.kind}`, { defaultValue: d.kind })}</td>
            <td>{d.connectorLabel}</td>
            <td data-state={d.state}>{t(`provisioning.deliveries.states.${d.state}`)}</td>
            <td className="num">{d.attempts}</td>
            <td>{d.nextAttemptAt === null ? "—" : <DateText value={d.nextAttemptAt} withTime />}</td>
            <td>
              {d.lastError === null ? "—" : <code className="peer-answer">{d.lastError.slice(0, 300)}</code>}
            </td>
          </tr>
        ))}
      </tbody>
    </CaptionedTable>
  );
}
