import { useTranslation } from "react-i18next";
import { Decision as DecisionSchema } from "../../../../../src/finance/contracts/api.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { canCreateDecision, useAccount } from "../../access/index.ts";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { Decision } from "../finance-types.ts";
import { DecisionCard } from "./decision-card.tsx";
import { DecisionForm } from "./decision-form.tsx";

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
