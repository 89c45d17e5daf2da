import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Incident, Probe, PublicStatus } from "../../../../../src/workplace/contracts.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { DateText } from "../../../shared/components/date-text.tsx";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { canManageIdentity, useAccount } from "../../access/index.ts";
import { useEntente } from "../../finance/index.ts";
import { workplacePaths } from "../workplace-paths.ts";
import { IncidentForm, IncidentUpdateForm, type StatusKey } from "./incident-form.tsx";
import { ProbeForm } from "./probe-form.tsx";

const IncidentList = z.array(Incident);
const ProbeList = z.array(Probe);
type Status = z.infer<typeof PublicStatus>;
type OneIncident = z.infer<typeof Incident>;

const probeText = (probe: z.infer<typeof Probe> | undefined, none: string) =>
  probe === undefined ? none : `${probe.kind.toUpperCase()} ${probe.target}`;

/** Each service's state (in words) and 90-day uptime, as the public page shows them. */
function ServicesTable({
  services,
  probes,
}: {
  services: Status["services"];
  probes: readonly z.infer<typeof Probe>[];
}) {
  const { t } = useTranslation();
  return (
    <CaptionedTable caption={t("workplace.status.caption", { count: services.length })} className="table">
      <thead>
        <tr>
          <th scope="col">{t("workplace.status.service")}</th>
          <th scope="col">{t("workplace.status.state")}</th>
          <th scope="col">{t("workplace.status.uptime")}</th>
          <th scope="col">{t("workplace.status.probe")}</th>
        </tr>
      </thead>
      <tbody>
        {services.map((s) => (
          <tr key={s.id}>
            <th scope="row">{s.kind === "hub" ? t("workplace.status.hub") : s.name}</th>
            <td data-status={s.status}>{t(`workplace.status.states.${s.status}`)}</td>
            <td>{s.uptime90d === null ? t("workplace.status.notMeasured") : `${s.uptime90d} %`}</td>
            <td>
              {probeText(
                probes.find((p) => p.clientId === s.id),
                t("workplace.status.noProbe"),
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </CaptionedTable>
  );
}

/** One incident: what, when, whom, its timeline; the secretariat adds updates. */
function IncidentCard(props: {
  incident: OneIncident;
  names: Map<string, string>;
  manage: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { memberName } = useEntente();
  const i = props.incident;
  return (
    <article className="card" aria-labelledby={`incident-${i.id}`}>
      <h3 id={`incident-${i.id}`}>
        {t(`workplace.status.kinds.${i.kind}`)} — {i.title} (
        {t(`workplace.status.statuses.${i.status as StatusKey}`)})
      </h3>
      <p>
        <DateText value={i.startsAt} withTime />
        {i.endsAt !== null && (
          <>
            {" → "}
            <DateText value={i.endsAt} withTime />
          </>
        )}
      </p>
      <p>
        {t("workplace.status.affects")} : {i.clientIds.map((id) => props.names.get(id) ?? id).join(", ")}
      </p>
      {i.memberIds.length > 0 && (
        <p>
          {t("workplace.status.members")} : {i.memberIds.map(memberName).join(", ")}
        </p>
      )}
      <h4>{t("workplace.status.timeline")}</h4>
      <ol reversed>
        {i.updates.map((u) => (
          <li key={`${u.at}-${u.status}`}>
            <DateText value={u.at} withTime /> — {t(`workplace.status.statuses.${u.status as StatusKey}`)} :{" "}
            {u.message} ({u.author})
          </li>
        ))}
      </ol>
      {props.manage && <IncidentUpdateForm incident={i} onSaved={props.onSaved} />}
    </article>
  );
}

/** Service status: states and uptime of the catalogue, incidents and maintenance; the secretariat writes them. */
export function WorkplaceStatusPage() {
  const { t } = useTranslation();
  const { entente } = useEntente();
  const manage = canManageIdentity(useAccount());
  const status = useResource(workplacePaths.publicStatus(entente.id), PublicStatus);
  const incidents = useResource(workplacePaths.incidents(entente.id), IncidentList);
  const probes = useResource(workplacePaths.probes(entente.id), ProbeList);
  // The hub's entry is watched but is no catalogue service: no probe form nor incident for it here.
  const services = (status.data?.services ?? [])
    .filter((s) => s.kind === "service")
    .map((s) => ({ id: s.id, name: s.name }));
  const names = new Map(services.map((s) => [s.id, s.name]));
  const saved = () => {
    incidents.reload();
    status.reload();
  };
  return (
    <>
      <PageHeader title={t("workplace.status.title")} />
      <p className="lead">{t("workplace.status.intro")}</p>
      <p>
        <a href={workplacePaths.statusPage(entente.id)}>{t("workplace.status.publicPage")}</a>
      </p>
      <ResourceStatus resource={status} />
      {status.data !== undefined && (
        <ServicesTable services={status.data.services} probes={probes.data ?? []} />
      )}
      {manage && status.data !== undefined && <ProbeForm services={services} onSaved={probes.reload} />}
      <h2>{t("workplace.status.incidents")}</h2>
      <ResourceStatus resource={incidents} />
      {incidents.data?.length === 0 && <p>{t("workplace.status.noIncident")}</p>}
      {(incidents.data ?? []).map((i) => (
        <IncidentCard
          key={`${i.id}-${i.rowVersion}`}
          incident={i}
          names={names}
          manage={manage}
          onSaved={saved}
        />
      ))}
      {manage && status.data !== undefined && <IncidentForm services={services} onSaved={saved} />}
    </>
  );
}
