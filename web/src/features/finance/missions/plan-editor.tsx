import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Mission as MissionSchema, ServicePlanInput } from "../../../../../src/finance/contracts/api.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { TextAreaField } from "../../../shared/components/field.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SaveCancelActions } from "../../../shared/components/save-cancel-actions.tsx";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { Mission } from "../finance-types.ts";
import { PlanCommitteeFieldset } from "./plan-committee-fieldset.tsx";
import { toPlanBody } from "./plan-draft.ts";
import { type DraftMilestone, PlanMilestonesFieldset } from "./plan-milestones-fieldset.tsx";
import { PlanResourcesFieldset } from "./plan-resources-fieldset.tsx";

/**
 * Edits a mission's service plan; saving adds a version (the previous ones stay readable).
 * `basedOnVersion` tells the server which version this edit starts from (409 if another came since).
 */
export function PlanEditor({
  mission,
  onDone,
  onReload,
}: {
  mission: Mission;
  onDone: (saved: Mission | null) => void;
  /** Reads the plan again after a conflict; the caller remounts the editor on the new version. */
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { entente, update } = useEntente();
  const plan = mission.plan;
  const [scope, setScope] = useState(plan?.scope ?? "");
  const [milestones, setMilestones] = useState<DraftMilestone[]>(
    plan?.milestones.map((m) => ({ label: m.label, due: m.due ?? "", done: m.done })) ?? [],
  );
  const [resources, setResources] = useState(plan?.resources ?? { financial: "", human: "", material: "" });
  const [committee, setCommittee] = useState<string[]>(plan?.steeringCommittee ?? []);
  const submit = useSubmit();

  const setMilestone = (index: number, change: Partial<DraftMilestone>) => {
    submit.reset();
    setMilestones((all) => all.map((m, i) => (i === index ? { ...m, ...change } : m)));
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = toPlanBody({ scope, milestones, resources, committee }, plan?.version ?? 0);
    const saved = await submit.run(ServicePlanInput, body, (b) =>
      api.send("POST", financePaths.plan(entente.id, mission.id), b, MissionSchema),
    );
    if (saved !== undefined) {
      update((e) => ({ ...e, missions: e.missions.map((m) => (m.id === saved.id ? saved : m)) }));
      onDone(saved);
    }
  };
  const shown = (f: string) => f === "scope" || f.startsWith("milestones.") || f.startsWith("resources.");

  return (
    <form className="form card" onSubmit={(e) => void onSubmit(e)} noValidate>
      <ProblemAlert error={submit.error} shownFields={shown} onReload={onReload} />
      <TextAreaField
        id="plan-scope"
        label={t("plan.scope")}
        hint={t("plan.scopeHint")}
        rows={4}
        value={scope}
        onChange={(e) => {
          submit.reset();
          setScope(e.target.value);
        }}
        error={submit.fieldError("scope")}
      />
      <PlanMilestonesFieldset
        milestones={milestones}
        onChange={setMilestone}
        onRemove={(i) => setMilestones((all) => all.filter((_, j) => j !== i))}
        onAdd={() => setMilestones((all) => [...all, { label: "", due: "", done: false }])}
        fieldError={submit.fieldError}
      />
      <PlanResourcesFieldset
        resources={resources}
        onChange={(change) => {
          submit.reset();
          setResources(change);
        }}
        fieldError={submit.fieldError}
      />
      <PlanCommitteeFieldset committee={committee} onChange={setCommittee} fieldError={submit.fieldError} />
      <SaveCancelActions saving={submit.saving} label={t("plan.save")} onCancel={() => onDone(null)} />
    </form>
  );
}
