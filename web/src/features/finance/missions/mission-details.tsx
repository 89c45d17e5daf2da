import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SaveNotice } from "../../../shared/components/save-notice.tsx";
import { canEditMission, useAccount } from "../../access/index.ts";
import { useEntente } from "../entente/entente-context.tsx";
import type { Mission } from "../finance-types.ts";
import { MissionEditor } from "./mission-editor.tsx";

/** Who leads and takes part, the key of each section; the secretariat edits them here. */
export function MissionDetails({ mission }: { mission: Mission }) {
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
