import { useTranslation } from "react-i18next";
import { z } from "zod";
import { MemberMailMigration } from "../../../../src/provisioning/contracts.ts";
import { useResource } from "../../shared/api/use-resource.ts";
import { CaptionedTable } from "../../shared/components/captioned-table.tsx";
import { ResourceStatus } from "../../shared/components/resource-status.tsx";
import { PageHeader } from "../../shared/layout/page-header.tsx";
import { useEntente } from "../finance/index.ts";

const Report = z.array(MemberMailMigration);

/** The mail migration per member (issue 12 item 5): wave, accounts planned, mailboxes created, first sign-ins, stage. */
export function MailMigrationPage() {
  const { t, i18n } = useTranslation();
  // Display only: MiB with one decimal in the reader's language (1,5 Mio; 1.5 MiB).
  const mebibytes = (bytes: number) =>
    new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(bytes / 1048576);
  const { entente, memberName } = useEntente();
  const report = useResource(
    `/api/ententes/${encodeURIComponent(entente.id)}/provisioning/mail/migration`,
    Report,
  );
  const lines = report.data ?? [];
  return (
    <>
      <PageHeader title={t("provisioning.mail.title")} />
      <p className="lead">{t("provisioning.mail.intro")}</p>
      <ResourceStatus resource={report} />
      {report.data !== undefined && lines.length === 0 && <p>{t("provisioning.mail.none")}</p>}
      {lines.length > 0 && (
        <CaptionedTable caption={t("provisioning.mail.caption", { count: lines.length })} className="table">
          <thead>
            <tr>
              <th scope="col">{t("provisioning.mail.member")}</th>
              <th scope="col">{t("provisioning.mail.wave")}</th>
              <th scope="col">{t("provisioning.mail.plannedStart")}</th>
              <th scope="col" className="num">
                {t("provisioning.mail.daysToStart")}
              </th>
              <th scope="col" className="num">
                {t("provisioning.mail.planned")}
              </th>
              <th scope="col" className="num">
                {t("provisioning.mail.created")}
              </th>
              <th scope="col" className="num">
                {t("provisioning.mail.signedIn")}
              </th>
              <th scope="col">{t("provisioning.mail.stage")}</th>
              <th scope="col">{t("provisioning.mail.domains")}</th>
              <th scope="col" className="num">
                {t("provisioning.mail.storageUsed")}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.memberId}>
                <th scope="row">{memberName(l.memberId)}</th>
                <td>{l.wave?.label ?? t("provisioning.mail.noWave")}</td>
                <td>{l.wave?.plannedStart ?? "—"}</td>
                <td className="num">{l.daysToStart ?? "—"}</td>
                <td className="num">{l.planned}</td>
                <td className="num">{l.created}</td>
                <td className="num">{l.signedIn}</td>
                <td>{t(`provisioning.mail.stages.${l.stage}`)}</td>
                <td>{l.domains.join(", ") || "—"}</td>
                <td className="num">
                  {l.storageUsedBytes === null
                    ? t("provisioning.mail.unknown")
                    : t("provisioning.mail.mebibytes", { value: mebibytes(l.storageUsedBytes) })}
                </td>
              </tr>
            ))}
          </tbody>
        </CaptionedTable>
      )}
    </>
  );
}
