import { useTranslation } from "react-i18next";
import { z } from "zod";
import { MigrationLine } from "../../../../../src/workplace/contracts.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { DateText } from "../../../shared/components/date-text.tsx";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";

const MigrationLines = z.array(MigrationLine);

/** `GET /api/ententes/:id/workplace/migration` (src/workplace/http/subscription-routes.ts). */
const migrationPath = (ententeId: string) =>
  `/api/ententes/${encodeURIComponent(ententeId)}/workplace/migration`;

/** A planned or actual pair of days: « 01/01/2023 → 30/06/2023 », a dash for an unknown day. */
function Days({ start, end }: { start: string | null; end: string | null }) {
  return (
    <>
      {start === null ? "—" : <DateText value={start} />} → {end === null ? "—" : <DateText value={end} />}
    </>
  );
}

/**
 * The migration follow-up (issue 11 §2): one row per member × service that carries a wave, with
 * its planned and actual days and the accounts planned, migrated and remaining (remount it with a
 * new `key` to read it again).
 */
export function MigrationTable({ ententeId }: { ententeId: string }) {
  const { t } = useTranslation();
  const k = "workplace.subscriptionForm";
  const lines = useResource(migrationPath(ententeId), MigrationLines);
  return (
    <section aria-labelledby="migration-title">
      <h2 id="migration-title">{t(`${k}.migrationTitle`)}</h2>
      <ResourceStatus resource={lines} />
      {lines.data !== undefined && lines.data.length === 0 && <p>{t(`${k}.migrationNone`)}</p>}
      {lines.data !== undefined && lines.data.length > 0 && (
        <CaptionedTable caption={t(`${k}.migrationCaption`)} className="table">
          <thead>
            <tr>
              <th scope="col">{t("workplace.subscriptions.member")}</th>
              <th scope="col">{t(`${k}.service`)}</th>
              <th scope="col">{t(`${k}.waveLabel`)}</th>
              <th scope="col">
                {t(`${k}.plannedStart`)} → {t(`${k}.plannedEnd`)}
              </th>
              <th scope="col">
                {t(`${k}.actualStart`)} → {t(`${k}.actualEnd`)}
              </th>
              <th scope="col">{t(`${k}.accountsPlanned`)}</th>
              <th scope="col">{t(`${k}.accountsMigrated`)}</th>
              <th scope="col">{t(`${k}.remaining`)}</th>
            </tr>
          </thead>
          <tbody>
            {lines.data.map((line) => (
              <tr key={`${line.memberId}/${line.clientId}`}>
                <th scope="row">{line.memberName}</th>
                <td>{line.serviceName}</td>
                <td>{line.wave.label}</td>
                <td>
                  <Days start={line.wave.plannedStart} end={line.wave.plannedEnd} />
                </td>
                <td>
                  <Days start={line.wave.actualStart} end={line.wave.actualEnd} />
                </td>
                <td className="num">{line.wave.accountsPlanned}</td>
                <td className="num">{line.wave.accountsMigrated}</td>
                <td className="num">{line.wave.accountsRemaining}</td>
              </tr>
            ))}
          </tbody>
        </CaptionedTable>
      )}
    </section>
  );
}
