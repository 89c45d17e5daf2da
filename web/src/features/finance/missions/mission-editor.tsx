import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Mission as MissionSchema, MissionUpdate } from "../../../../../src/finance/contracts/api.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { SelectField, TextAreaField, TextField } from "../../../shared/components/field.tsx";
import { FieldErrorList } from "../../../shared/components/field-error-list.tsx";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SaveCancelActions } from "../../../shared/components/save-cancel-actions.tsx";
import { useDraft } from "../../../shared/hooks/use-draft.ts";
import { normaliseField, useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { Mission } from "../finance-types.ts";

const SECTIONS = ["investissement", "fonctionnement"] as const;
/** A key whose contributions would no longer equal its net cost: the rule is about the keys chosen. */
const KEY_GROUP_UNBALANCED = "budget.key_group_unbalanced";

const toDraft = (mission: Mission) => ({
  name: mission.name,
  description: mission.description ?? "",
  leadMemberId: mission.leadMemberId ?? "",
  memberIds: mission.memberIds,
  keys: mission.keys,
});

/**
 * Edits a mission (secretariat only): name, description, lead member, participating members and
 * the key of each section. The server checks the whole entente with the change (every member
 * with a share in a key of the mission takes part; each key's contributions equal its net cost)
 * and answers the broken rules with their fields, shown next to the inputs.
 */
export function MissionEditor({
  mission,
  onDone,
}: {
  mission: Mission;
  /** The saved mission, or null when the person cancels. */
  onDone: (saved: Mission | null) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { entente, update, reload } = useEntente();
  // a reload after a conflict brings another rowVersion: the form starts again from it
  const { draft, setDraft } = useDraft(mission, mission.rowVersion, toDraft);
  const submit = useSubmit();
  const edit = (change: Partial<typeof draft>) => {
    submit.reset();
    setDraft((d) => ({ ...d, ...change }));
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name: draft.name,
      description: draft.description.trim() === "" ? null : draft.description.trim(),
      leadMemberId: draft.leadMemberId === "" ? null : draft.leadMemberId,
      // in the entente's order of members, whatever order they were ticked in
      memberIds: entente.members.map((m) => m.id).filter((id) => draft.memberIds.includes(id)),
      keys: draft.keys,
      rowVersion: mission.rowVersion,
    };
    const saved = await submit.run(MissionUpdate, body, (b) =>
      api.send("PUT", financePaths.mission(entente.id, mission.id), b, MissionSchema),
    );
    if (saved === undefined) return;
    update((e) => ({ ...e, missions: e.missions.map((m) => (m.id === saved.id ? saved : m)) }));
    onDone(saved);
  };

  const problems = submit.error?.problem.errors ?? [];
  /** Every message about `field` or inside it ("memberIds", "memberIds.2"): several members may be missing. */
  const messagesOf = (field: string) =>
    (submit.error?.fields ?? [])
      .filter((f) => {
        const n = normaliseField(f.field);
        return n === field || n.startsWith(`${field}.`);
      })
      .map((f) => f.message);
  const keyGroupMessages = problems.filter((p) => p.code === KEY_GROUP_UNBALANCED).map((p) => p.message);
  const keyGroupFields = new Set(
    problems.filter((p) => p.code === KEY_GROUP_UNBALANCED).map((p) => normaliseField(p.field)),
  );
  const shown = (f: string) =>
    ["name", "description", "leadMemberId", "keys.investissement", "keys.fonctionnement"].includes(f) ||
    f === "memberIds" ||
    f.startsWith("memberIds.") ||
    keyGroupFields.has(f);

  const membersErrors = messagesOf("memberIds");
  const membersDescribedBy = [
    "mission-members-hint",
    membersErrors.length > 0 ? "mission-members-error" : null,
  ]
    .filter((id) => id !== null)
    .join(" ");
  const keyOptions = [
    ...entente.keys.map((k) => ({ value: k.id, label: k.label })),
    // a key the entente no longer lists stays selectable, so the form shows what is saved
    ...SECTIONS.map((s) => mission.keys[s])
      .filter((id, i, all) => all.indexOf(id) === i && !entente.keys.some((k) => k.id === id))
      .map((id) => ({ value: id, label: id })),
  ];

  return (
    <form className="form card" onSubmit={(e) => void onSubmit(e)} noValidate>
      <ProblemAlert
        error={submit.error}
        shownFields={shown}
        onReload={() => {
          submit.reset();
          reload();
        }}
      />
      <TextField
        id="mission-name"
        label={t("missions.fieldName")}
        value={draft.name}
        required
        onChange={(e) => edit({ name: e.target.value })}
        error={submit.fieldError("name")}
      />
      <TextAreaField
        id="mission-description"
        label={t("missions.description")}
        hint={t("missions.descriptionHint")}
        rows={3}
        value={draft.description}
        onChange={(e) => edit({ description: e.target.value })}
        error={submit.fieldError("description")}
      />
      <SelectField
        id="mission-lead"
        label={t("missions.lead")}
        value={draft.leadMemberId}
        options={[
          { value: "", label: t("missions.noLead") },
          ...entente.members.map((m) => ({ value: m.id, label: m.name })),
        ]}
        onChange={(e) => edit({ leadMemberId: e.target.value })}
        error={submit.fieldError("leadMemberId")}
      />
      <fieldset
        className={membersErrors.length > 0 ? "fieldset field--error" : "fieldset"}
        aria-describedby={membersDescribedBy}
      >
        <legend>{t("missions.members")}</legend>
        <span id="mission-members-hint" className="field__hint">
          {t("missions.membersHint")}
        </span>
        {entente.members.map((m) => (
          <div className="field field--checkbox" key={m.id}>
            <input
              id={`mission-member-${m.id}`}
              type="checkbox"
              checked={draft.memberIds.includes(m.id)}
              onChange={(e) =>
                edit({
                  memberIds: e.target.checked
                    ? [...draft.memberIds, m.id]
                    : draft.memberIds.filter((id) => id !== m.id),
                })
              }
            />
            <label htmlFor={`mission-member-${m.id}`}>{m.name}</label>
          </div>
        ))}
        <FieldErrorList id="mission-members-error" messages={membersErrors} />
      </fieldset>
      <fieldset
        className={keyGroupMessages.length > 0 ? "fieldset field--error" : "fieldset"}
        aria-describedby={keyGroupMessages.length > 0 ? "mission-keys-error" : undefined}
      >
        <legend>{t("missions.keysLegend")}</legend>
        <div className="form-row">
          {SECTIONS.map((section) => (
            <SelectField
              key={section}
              id={`mission-key-${section}`}
              label={t("missions.keyFor", { section: t(`sectionsInline.${section}`) })}
              value={draft.keys[section]}
              options={keyOptions}
              onChange={(e) => edit({ keys: { ...draft.keys, [section]: e.target.value } })}
              error={submit.fieldError(`keys.${section}`)}
            />
          ))}
        </div>
        <FieldErrorList id="mission-keys-error" messages={keyGroupMessages} />
      </fieldset>
      <SaveCancelActions saving={submit.saving} label={t("missions.save")} onCancel={() => onDone(null)} />
    </form>
  );
}
