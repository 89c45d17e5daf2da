import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { IdentityEventPage } from "../../../../../src/identity/contracts.ts";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { DateText } from "../../../shared/components/date-text.tsx";
import { useEntente } from "../../finance/index.ts";

type IdentityEvents = z.infer<typeof IdentityEventPage>["events"];

/** One page of the sign-in log: when, what, which member, service and person, the code and request id. */
export function EventsTable({ events, page }: { events: IdentityEvents; page: number }) {
  const { t } = useTranslation();
  const { memberName } = useEntente();
  return (
    <CaptionedTable caption={t("identity.events.caption", { page })} className="table">
      <thead>
        <tr>
          <th scope="col">{t("identity.events.at")}</th>
          <th scope="col">{t("identity.events.kind")}</th>
          <th scope="col">{t("identity.member")}</th>
          <th scope="col">{t("identity.events.client")}</th>
          <th scope="col">{t("identity.persons.sub")}</th>
          <th scope="col">{t("identity.events.code")}</th>
          <th scope="col">{t("identity.events.request")}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id}>
            <td>
              <DateText value={e.at} withTime />
            </td>
            <td>{t(`identity.events.kinds.${e.kind}`)}</td>
            <td>{e.memberId === null ? "—" : memberName(e.memberId)}</td>
            <td>{e.clientId ?? "—"}</td>
            <td>{e.sub === null ? "—" : <code>{e.sub}</code>}</td>
            <td>{e.code === null ? "—" : <code>{e.code}</code>}</td>
            <td>{e.requestId === null ? "—" : <code>{e.requestId}</code>}</td>
          </tr>
        ))}
      </tbody>
    </CaptionedTable>
  );
}
