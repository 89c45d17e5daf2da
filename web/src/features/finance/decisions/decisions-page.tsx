import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Decision as DecisionSchema } from "../../../../../src/finance/contracts/api.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { ActionsHeader } from "../../../shared/components/actions-header.tsx";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { DateText } from "../../../shared/components/date-text.tsx";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { RowButton } from "../../../shared/components/row-button.tsx";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { canCreateDecision, canRecordRatification, useAccount } from "../../access/index.ts";
import { BudgetStatusBadge, RatificationBadge } from "../components/status-badge.tsx";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { Decision, EntenteDetail } from "../finance-types.ts";
import { DecisionForm } from "./decision-form.tsx";
import { RatificationForm } from "./ratification-form.tsx";

const Decisions = DecisionSchema.array();

/** Conference decisions and, for each, every member assembly's deliberation (CGCT L5221-2). */
export function DecisionsPage() {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const account = useAccount();
  const decisions = useResource(financePaths.decisions(entente.id), Decisions);
  const replace = (saved: Decision) =>
    decisions.setData((decisions.data ?? []).map((d) => (d.id === saved.id ? saved : d)));
  const sorted = [...(decisions.data ?? [])].sort((a, b) => b.conferenceDate.localeCompare(a.conferenceDate));
  return (
    <>
      <PageHeader title={t("decisions.title")} />
      <p className="lead">{t("decisions.intro")}</p>
      {canCreateDecision(account) && (
        <DecisionForm onCreated={(created) => decisions.setData([created, ...(decisions.data ?? [])])} />
      )}
      <ResourceStatus resource={decisions} />
      {decisions.data?.length === 0 && <p>{t("decisions.none")}</p>}
      {sorted.map((d) => (
        <DecisionCard key={d.id} decision={d} onSaved={replace} onReload={decisions.reload} />
      ))}
    </>
  );
}

function budgetStatusOf(entente: EntenteDetail, decision: Decision) {
  const versions = entente.exercises.flatMap((e) => e.versions);
  return (
    versions.find((v) => v.id === decision.budgetVersionId) ??
    entente.exercises.find((e) => e.year === decision.budgetYear)?.versions.at(-1) ??
    null
  );
}

function DecisionCard({
  decision,
  onSaved,
  onReload,
}: {
  decision: Decision;
  onSaved: (d: Decision) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const account = useAccount();
  const { entente, memberName, reload } = useEntente();
  const [editing, setEditing] = useState<string | null>(null);
  const done = decision.ratifications.filter((r) => r.status === "ratified").length;
  const of = decision.ratifications.length;
  const budget = decision.budgetYear === null ? null : budgetStatusOf(entente, decision);
  const titleId = `decision-${decision.id}`;
  const ratification = decision.ratifications.find((r) => r.memberId === editing);
  return (
    <section aria-labelledby={titleId} className="section card">
      <h2 id={titleId}>{decision.subject}</h2>
      <p className="meta">
        {decision.conferenceLabel} — <DateText value={decision.conferenceDate} />
        {decision.budgetYear !== null && <> · {t("decisions.budgetOf", { year: decision.budgetYear })}</>}
        {budget !== null && (
          <>
            {" "}
            <BudgetStatusBadge status={budget.status} />
          </>
        )}
      </p>
      <p aria-live="polite" className={done === of ? "check check--ok" : "check"}>
        {t("decisions.progress", { done, of, count: of })}
        {done === of && decision.budgetYear !== null && budget?.status === "adopted" && (
          <> {t("decisions.adopted", { year: decision.budgetYear })}</>
        )}
      </p>
      <CaptionedTable
        caption={t("decisions.ratificationsOf", { subject: decision.subject })}
        className="table"
        hideCaption
      >
        <thead>
          <tr>
            <th scope="col">{t("common.member")}</th>
            <th scope="col">{t("decisions.status")}</th>
            <th scope="col">{t("decisions.number")}</th>
            <th scope="col">{t("decisions.date")}</th>
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {decision.ratifications.map((r) => (
            <tr key={r.memberId}>
              <th scope="row">{memberName(r.memberId)}</th>
              <td>
                <RatificationBadge status={r.status} />
              </td>
              <td>{r.deliberationNumber ?? "—"}</td>
              <td>{r.deliberatedOn === null ? "—" : <DateText value={r.deliberatedOn} />}</td>
              <td>
                {canRecordRatification(account, r.memberId) && (
                  <RowButton
                    label={t("decisions.record")}
                    context={` — ${memberName(r.memberId)}`}
                    aria-expanded={editing === r.memberId}
                    aria-controls={`${titleId}-form`}
                    onClick={() => setEditing(editing === r.memberId ? null : r.memberId)}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </CaptionedTable>
      <div id={`${titleId}-form`}>
        {ratification !== undefined && (
          <RatificationForm
            key={`${ratification.memberId}:${ratification.rowVersion}`}
            decision={decision}
            ratification={ratification}
            onSaved={(saved) => {
              onSaved(saved);
              setEditing(null);
              // the budget may have just become "adopté": read its status again
              reload();
            }}
            onCancel={() => setEditing(null)}
            onReload={onReload}
          />
        )}
      </div>
    </section>
  );
}
