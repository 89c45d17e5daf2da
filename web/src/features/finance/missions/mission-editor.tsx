import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Mission as MissionSchema, MissionUpdate } from "../../../../../src/finance/contracts/api.ts";
import { useApi } from "../../../shared/api/api-context.ts";
import { ProblemAlert } from "../../../shared/components/problem-alert.tsx";
import { SaveCancelActions } from "../../../shared/components/save-cancel-actions.tsx";
import { useDraft } from "../../../shared/hooks/use-draft.ts";
import { useSubmit } from "../../../shared/hooks/use-submit.ts";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import type { Mission } from "../finance-types.ts";
import { type MissionDraft, toMissionBody, toMissionDraft } from "./mission-draft.ts";
import { MissionGeneralFields } from "./mission-general-fields.tsx";
import { MissionKeysFieldset } from "./mission-keys-fieldset.tsx";
import { MissionMembersFieldset } from "./mission-members-fieldset.tsx";
import { missionProblems } from "./mission-problems.ts";

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
  const { draft, setDraft } = useDraft(mission, mission.rowVersion, toMissionDraft);
  const submit = useSubmit();
  const edit = (change: Partial<MissionDraft>) => {
    submit.reset();
    setDraft((d) => ({ ...d, ...change }));
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = toMissionBody(draft, entente.members, mission.rowVersion);
    const saved = await submit.run(MissionUpdate, body, (b) =>
      api.send("PUT", financePaths.mission(entente.id, mission.id), b, MissionSchema),
    );
    if (saved === undefined) return;
    update((e) => ({ ...e, missions: e.missions.map((m) => (m.id === saved.id ? saved : m)) }));
    onDone(saved);
  };

  const problems = missionProblems(submit.error);

  return (
    <form className="form card" onSubmit={(e) => void onSubmit(e)} noValidate>
      <ProblemAlert
        error={submit.error}
        shownFields={problems.shown}
        onReload={() => {
          submit.reset();
          reload();
        }}
      />
      <MissionGeneralFields draft={draft} edit={edit} fieldError={submit.fieldError} />
      <MissionMembersFieldset
        memberIds={draft.memberIds}
        onChange={(memberIds) => edit({ memberIds })}
        errors={problems.members}
      />
      <MissionKeysFieldset
        keys={draft.keys}
        saved={mission.keys}
        onChange={(keys) => edit({ keys })}
        fieldError={submit.fieldError}
        errors={problems.keyGroup}
      />
      <SaveCancelActions saving={submit.saving} label={t("missions.save")} onCancel={() => onDone(null)} />
    </form>
  );
}
