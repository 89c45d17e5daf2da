import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Mission as MissionSchema } from "../../../../../src/finance/contracts/api.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { appPath } from "../../../shared/app-path.ts";
import { DateText } from "../../../shared/components/date-text.tsx";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { SaveNotice } from "../../../shared/components/save-notice.tsx";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { canEditMission, canEditPlan, useAccount } from "../../access/index.ts";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { Mission, ServicePlan } from "../finance-types.ts";
import { MissionEditor } from "./mission-editor.tsx";
import { PlanEditor } from "./plan-editor.tsx";

/** One mission: who leads and takes part, and its service plan with every version. */
export function MissionPage() {
  const { t } = useTranslation();
  const { missionId = "" } = useParams();
  const { entente } = useEntente();
  const mission = entente.missions.find((m) => m.id === missionId);
  if (mission === undefined) {
    return (
      <>
        <PageHeader title={t("missions.unknownTitle")} />
        <p>{t("missions.unknown", { id: missionId })}</p>
        <Link to={appPath(entente.id, "missions")}>{t("missions.back")}</Link>
      </>
    );
  }
  return (
    <>
      <PageHeader title={mission.name}>
        <span className="tag">{t(`missionKinds.${mission.kind}`)}</span>
      </PageHeader>
      <p>
        <Link to={appPath(entente.id, "missions")}>{t("missions.back")}</Link>
      </p>
      <MissionDetails key={mission.id} mission={mission} />
      <Plan key={mission.id} mission={mission} />
    </>
  );
}

/** Who leads and takes part, the key of each section; the secretariat edits them here. */
function MissionDetails({ mission }: { mission: Mission }) {
  const { t } = useTranslation();
  const account = useAccount();
  const { entente, memberName } = useEntente();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editable = canEditMission(account);
  const keyLabel = (id: string) => entente.keys.find((k) => k.id === id)?.label ?? id;

  return (
    <>
      {editing ? (
        <section aria-labelledby="mission-edit-title" className="section">
          <h2 id="mission-edit-title">{t("missions.editTitle")}</h2>
          <MissionEditor
            mission={mission}
            onDone={(result) => {
              setEditing(false);
              setSaved(result !== null);
            }}
          />
        </section>
      ) : (
        <>
          {mission.description !== null && <p className="lead">{mission.description}</p>}
          <dl className="details">
            <div>
              <dt>{t("missions.lead")}</dt>
              <dd>{mission.leadMemberId === null ? "—" : memberName(mission.leadMemberId)}</dd>
            </div>
            <div>
              <dt>{t("missions.members")}</dt>
              <dd>{mission.memberIds.map(memberName).join(", ")}</dd>
            </div>
            {(["investissement", "fonctionnement"] as const).map((section) => (
              <div key={section}>
                <dt>{t("missions.keyOf", { section: t(`sections.${section}`) })}</dt>
                <dd>{keyLabel(mission.keys[section])}</dd>
              </div>
            ))}
          </dl>
          {editable && (
            <p>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {t("missions.edit")}
              </button>
            </p>
          )}
        </>
      )}
      <SaveNotice saved={saved && !editing} message={t("missions.saved")} />
    </>
  );
}

function Plan({ mission }: { mission: Mission }) {
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

function PlanView({ plan }: { plan: ServicePlan }) {
  const { t } = useTranslation();
  return (
    <div className="plan card">
      <h3>{t("plan.scope")}</h3>
      <p className="prewrap">{plan.scope === "" ? "—" : plan.scope}</p>
      <h3>{t("plan.milestones")}</h3>
      {plan.milestones.length === 0 ? (
        <p>—</p>
      ) : (
        <table className="table table--compact">
          <caption className="visually-hidden">{t("plan.milestones")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("plan.milestone")}</th>
              <th scope="col">{t("plan.due")}</th>
              <th scope="col">{t("plan.state")}</th>
            </tr>
          </thead>
          <tbody>
            {plan.milestones.map((m, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: milestones have no id; two may share a label, the position tells them apart
              <tr key={`${i}-${m.label}`}>
                <th scope="row">{m.label}</th>
                <td>{m.due === null ? "—" : <DateText value={m.due} />}</td>
                <td>
                  <span className={m.done ? "badge badge--success" : "badge badge--neutral"}>
                    {m.done ? t("plan.done") : t("plan.todo")}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t("plan.resources")}</h3>
      <dl className="details">
        {(["financial", "human", "material"] as const).map((r) => (
          <div key={r}>
            <dt>{t(`plan.${r}`)}</dt>
            <dd className="prewrap">{plan.resources[r] === "" ? "—" : plan.resources[r]}</dd>
          </div>
        ))}
      </dl>
      <h3>{t("plan.steeringCommittee")}</h3>
      {plan.steeringCommittee.length === 0 ? (
        <p>—</p>
      ) : (
        <ul>
          {plan.steeringCommittee.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
