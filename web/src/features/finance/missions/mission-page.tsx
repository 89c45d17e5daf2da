import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { appPath } from "../../../shared/app-path.ts";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { useEntente } from "../entente/entente-context.tsx";
import { MissionDetails } from "./mission-details.tsx";
import { MissionPlan } from "./mission-plan.tsx";

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
      <MissionPlan key={mission.id} mission={mission} />
    </>
  );
}
