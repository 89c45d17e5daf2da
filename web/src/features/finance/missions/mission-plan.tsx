import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Mission as MissionSchema } from "../../../../../src/finance/contracts/api.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { DateText } from "../../../shared/components/date-text.tsx";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { SaveNotice } from "../../../shared/components/save-notice.tsx";
import { canEditPlan, useAccount } from "../../access/index.ts";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { Mission } from "../finance-types.ts";
import { PlanEditor } from "./plan-editor.tsx";
import { PlanView } from "./plan-view.tsx";

/** A mission's service plan as the server has it now, its versions, and its editor for who may change it. */
export function MissionPlan({ mission }: { mission: Mission }) {
  const { t } = useTranslation();
  const account = useAccount();
  const { entente } = useEntente();
  // the plan as the server has it now (the entente loaded with the layout may be older)
  const fresh = useResource(financePaths.plan(entente.id, mission.id), MissionSchema);
  const [editing, setEditing] = useState(false);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const editable = canEditPlan(account, mission.id);
  const current = fresh.data ?? mission;
  const plan = current.plan;

  return (
    <section aria-labelledby="plan-title" className="section">
      <div className="section__header">
        <h2 id="plan-title">{t("plan.title")}</h2>
        {editable && !editing && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setSavedVersion(null);
              setEditing(true);
            }}
          >
            {plan === null ? t("plan.create") : t("plan.edit")}
          </button>
        )}
      </div>
      <ResourceStatus resource={fresh} />
      {plan !== null && (
        <p className="meta">
          {t("plan.versionSaved", { version: plan.version })} <DateText value={plan.createdAt} withTime />
          {plan.createdBy !== null && <> — {plan.createdBy}</>}
          {plan.version > 1 && <> · {t("plan.earlierVersions", { count: plan.version - 1 })}</>}
        </p>
      )}
      {editing ? (
        <PlanEditor
          key={plan?.version ?? 0}
          mission={current}
          onReload={fresh.reload}
          onDone={(saved) => {
            setEditing(false);
            if (saved !== null) {
              fresh.setData(saved);
              setSavedVersion(saved.plan?.version ?? null);
            }
          }}
        />
      ) : plan === null ? (
        <p>{t("plan.none")}</p>
      ) : (
        <PlanView plan={plan} />
      )}
      <SaveNotice
        saved={savedVersion !== null && !editing}
        message={t("plan.saved", { version: savedVersion ?? 0 })}
      />
    </section>
  );
}
