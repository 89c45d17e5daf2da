import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Mission as MissionSchema, ServicePlanInput } from "../../../../../src/finance/contracts/api.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { TextAreaField, TextField } from "../../../shared/components/field.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SaveCancelActions } from "../../../shared/components/save-cancel-actions.tsx";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { Mission } from "../finance-types.ts";

type Milestone = { label: string; due: string; done: boolean };

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
  const [milestones, setMilestones] = useState<Milestone[]>(
    plan?.milestones.map((m) => ({ label: m.label, due: m.due ?? "", done: m.done })) ?? [],
  );
  const [resources, setResources] = useState(plan?.resources ?? { financial: "", human: "", material: "" });
  const [committee, setCommittee] = useState<string[]>(plan?.steeringCommittee ?? []);
  const submit = useSubmit();

  const setMilestone = (index: number, change: Partial<Milestone>) => {
    submit.reset();
    setMilestones((all) => all.map((m, i) => (i === index ? { ...m, ...change } : m)));
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      scope,
      milestones: milestones.map((m) => ({
        label: m.label.trim(),
        due: m.due === "" ? null : m.due,
        done: m.done,
      })),
      resources,
      steeringCommittee: committee.map((c) => c.trim()).filter((c) => c !== ""),
      basedOnVersion: plan?.version ?? 0,
    };
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
      <fieldset className="fieldset">
        <legend>{t("plan.milestones")}</legend>
        {milestones.length === 0 && <p className="hint">{t("plan.noMilestones")}</p>}
        {milestones.map((m, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows of this list have no identity of their own; inputs are controlled and keyed by position on purpose
          <div className="form-row form-row--aligned" key={i}>
            <TextField
              id={`milestone-${i}-label`}
              label={t("plan.milestoneN", { n: i + 1 })}
              value={m.label}
              onChange={(e) => setMilestone(i, { label: e.target.value })}
              error={submit.fieldError(`milestones.${i}.label`)}
            />
            <TextField
              id={`milestone-${i}-due`}
              label={t("plan.due")}
              type="date"
              value={m.due}
              onChange={(e) => setMilestone(i, { due: e.target.value })}
              error={submit.fieldError(`milestones.${i}.due`)}
            />
            <div className="field field--checkbox">
              <input
                id={`milestone-${i}-done`}
                type="checkbox"
                checked={m.done}
                onChange={(e) => setMilestone(i, { done: e.target.checked })}
              />
              <label htmlFor={`milestone-${i}-done`}>{t("plan.done")}</label>
            </div>
            <button
              type="button"
              className="button button--tertiary"
              onClick={() => setMilestones((all) => all.filter((_, j) => j !== i))}
            >
              {t("plan.removeMilestone", { n: i + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setMilestones((all) => [...all, { label: "", due: "", done: false }])}
        >
          {t("plan.addMilestone")}
        </button>
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t("plan.resources")}</legend>
        {(["financial", "human", "material"] as const).map((r) => (
          <TextAreaField
            key={r}
            id={`plan-resources-${r}`}
            label={t(`plan.${r}`)}
            rows={2}
            value={resources[r]}
            onChange={(e) => {
              submit.reset();
              setResources((all) => ({ ...all, [r]: e.target.value }));
            }}
            error={submit.fieldError(`resources.${r}`)}
          />
        ))}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t("plan.steeringCommittee")}</legend>
        {committee.map((person, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows of this list have no identity of their own; inputs are controlled and keyed by position on purpose
          <div className="form-row form-row--aligned" key={i}>
            <TextField
              id={`committee-${i}`}
              label={t("plan.committeeMemberN", { n: i + 1 })}
              value={person}
              onChange={(e) => setCommittee((all) => all.map((p, j) => (j === i ? e.target.value : p)))}
              error={submit.fieldError(`steeringCommittee.${i}`)}
            />
            <button
              type="button"
              className="button button--tertiary"
              onClick={() => setCommittee((all) => all.filter((_, j) => j !== i))}
            >
              {t("plan.removeCommitteeMember", { n: i + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setCommittee((all) => [...all, ""])}
        >
          {t("plan.addCommitteeMember")}
        </button>
      </fieldset>
      <SaveCancelActions saving={submit.saving} label={t("plan.save")} onCancel={() => onDone(null)} />
    </form>
  );
}
