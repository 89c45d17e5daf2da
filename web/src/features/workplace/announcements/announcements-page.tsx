import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Acknowledgement, Announcement } from "../../../../../src/workplace/contracts.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { DateText } from "../../../shared/components/date-text.tsx";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { canManageIdentity, useAccount } from "../../access/index.ts";
import { useEntente } from "../../finance/index.ts";
import { workplacePaths } from "../workplace-paths.ts";
import { AnnouncementForm } from "./announcement-form.tsx";

const AnnouncementList = z.array(Announcement);
const AckList = z.array(Acknowledgement);
type Item = z.infer<typeof Announcement>;

/** Who acknowledged one announcement. */
function Acknowledgements({ item }: { item: Item }) {
  const { t } = useTranslation();
  const { entente, memberName } = useEntente();
  const acks = useResource(workplacePaths.acknowledgements(entente.id, item.id), AckList);
  return (
    <section aria-labelledby="acks-title">
      <h2 id="acks-title">{t("workplace.announcements.acksTitle", { title: item.title })}</h2>
      <ResourceStatus resource={acks} />
      {acks.data?.length === 0 && <p>{t("workplace.announcements.noAck")}</p>}
      {acks.data !== undefined && acks.data.length > 0 && (
        <CaptionedTable
          caption={t("workplace.announcements.acksCaption", { count: acks.data.length })}
          className="table"
        >
          <thead>
            <tr>
              <th scope="col">{t("workplace.announcements.person")}</th>
              <th scope="col">{t("workplace.announcements.member")}</th>
              <th scope="col">{t("workplace.announcements.acknowledgedAt")}</th>
            </tr>
          </thead>
          <tbody>
            {acks.data.map((a) => (
              <tr key={a.sub}>
                <th scope="row">
                  {a.displayName}
                  {a.email === null ? "" : ` (${a.email})`}
                </th>
                <td>{memberName(a.memberId)}</td>
                <td>{new Date(a.acknowledgedAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </CaptionedTable>
      )}
    </section>
  );
}

/** The portal's announcements: the list (who wrote, for whom, when), who acknowledged, and the form to write one. */
export function AnnouncementsPage() {
  const { t } = useTranslation();
  const { entente, memberName } = useEntente();
  const account = useAccount();
  const forMember = canManageIdentity(account) ? null : account.memberId;
  const list = useResource(workplacePaths.announcements(entente.id), AnnouncementList);
  const [selected, setSelected] = useState<Item | null>(null);
  const audience = (a: Item) =>
    [
      a.memberIds === null
        ? t("workplace.announcements.everyMember")
        : a.memberIds.map(memberName).join(", "),
      a.roles === null
        ? null
        : a.roles
            .map((r) =>
              r === "elu" ? t("workplace.announcements.roles.elu") : t("workplace.announcements.roles.agent"),
            )
            .join(", "),
      a.groups === null ? null : a.groups.join(", "),
    ]
      .filter((v) => v !== null)
      .join(" · ");
  return (
    <>
      <PageHeader title={t("workplace.announcements.title")} />
      <p className="lead">{t("workplace.announcements.intro")}</p>
      <ResourceStatus resource={list} />
      {list.data?.length === 0 && <p>{t("workplace.announcements.none")}</p>}
      {list.data !== undefined && list.data.length > 0 && (
        <CaptionedTable
          caption={t("workplace.announcements.caption", { count: list.data.length })}
          className="table"
        >
          <thead>
            <tr>
              <th scope="col">{t("workplace.announcements.titleField")}</th>
              <th scope="col">{t("workplace.announcements.audience")}</th>
              <th scope="col">{t("workplace.announcements.shownFrom")}</th>
              <th scope="col">{t("workplace.announcements.shownUntil")}</th>
              <th scope="col">{t("workplace.announcements.acks")}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.title}</th>
                <td>{audience(a)}</td>
                <td>
                  <DateText value={a.shownFrom} />
                </td>
                <td>{a.shownUntil === null ? "—" : <DateText value={a.shownUntil} />}</td>
                <td>
                  {a.requiresAck ? (
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-label={t("workplace.announcements.showAcksNamed", { title: a.title })}
                      onClick={() => setSelected(a)}
                    >
                      {t("workplace.announcements.showAcks")}
                    </button>
                  ) : (
                    t("workplace.announcements.noAckAsked")
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </CaptionedTable>
      )}
      {selected !== null && <Acknowledgements key={selected.id} item={selected} />}
      <AnnouncementForm forMember={forMember} onSaved={list.reload} />
    </>
  );
}
