import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateText } from "../../../shared/components/date-text.tsx";
import { BudgetStatusBadge } from "../components/status-badge.tsx";
import { useEntente } from "../entente/entente-context.tsx";
import type { Decision, EntenteDetail } from "../finance-types.ts";
import { RatificationForm } from "./ratification-form.tsx";
import { RatificationsTable } from "./ratifications-table.tsx";

/** The budget version a decision is about (or its year's latest), for its status. */
function budgetStatusOf(entente: EntenteDetail, decision: Decision) {
  const versions = entente.exercises.flatMap((e) => e.versions);
  return (
    versions.find((v) => v.id === decision.budgetVersionId) ??
    entente.exercises.find((e) => e.year === decision.budgetYear)?.versions.at(-1) ??
    null
  );
}

/**
 * True when the decision's ratifications are closed: the budget version it approves is its year's
 * latest and is adopted — the server then refuses any change with 409 `ratification.closed`
 * (src/finance/domain/ratification.ts, assertRatificationOpen), so the console does not offer it.
 */
export function ratificationsClosed(entente: EntenteDetail, decision: Decision): boolean {
  if (decision.budgetYear === null) return false;
  const latest = entente.exercises.find((e) => e.year === decision.budgetYear)?.versions.at(-1);
  return latest !== undefined && latest.id === decision.budgetVersionId && latest.status === "adopted";
}

/**
 * One conference decision: its subject, conference, budget and status, how many members ratified
 * it (announced; « adopted » with the last one), their deliberations and the form to record one —
 * read-only, with the reason, once the budget it approves is adopted.
 */
export function DecisionCard({
  decision,
  onSaved,
  onReload,
}: {
  decision: Decision;
  onSaved: (d: Decision) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const { entente, reload } = useEntente();
  const [editing, setEditing] = useState<string | null>(null);
  const done = decision.ratifications.filter((r) => r.status === "ratified").length;
  const of = decision.ratifications.length;
  const budget = decision.budgetYear === null ? null : budgetStatusOf(entente, decision);
  const titleId = `decision-${decision.id}`;
  const closed = ratificationsClosed(entente, decision);
  const ratification = closed ? undefined : decision.ratifications.find((r) => r.memberId === editing);
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
      {closed && <p className="hint">{t("decisions.closed", { year: decision.budgetYear })}</p>}
      <RatificationsTable
        decision={decision}
        closed={closed}
        editing={editing}
        formId={`${titleId}-form`}
        onRecord={(memberId) => setEditing(editing === memberId ? null : memberId)}
      />
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
