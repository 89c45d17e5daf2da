import { useTranslation } from "react-i18next";
import { ActionsHeader } from "../../../shared/components/actions-header.tsx";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { DateText } from "../../../shared/components/date-text.tsx";
import { RowButton } from "../../../shared/components/row-button.tsx";
import { canRecordRatification, useAccount } from "../../access/index.ts";
import { RatificationBadge } from "../components/status-badge.tsx";
import { useEntente } from "../entente/entente-context.tsx";
import type { Decision } from "../finance-types.ts";

/**
 * Each member assembly's deliberation on a decision: status, number, date, and « record » for who
 * may; the button opens the form below (`formId`) and says whether it is open.
 */
export function RatificationsTable({
  decision,
  closed,
  editing,
  formId,
  onRecord,
}: {
  decision: Decision;
  /** The ratifications are closed (budget adopted): no « record » button, the table is read-only. */
  closed: boolean;
  /** The member whose deliberation is being recorded, if any. */
  editing: string | null;
  formId: string;
  onRecord: (memberId: string) => void;
}) {
  const { t } = useTranslation();
  const account = useAccount();
  const { memberName } = useEntente();
  return (
    <CaptionedTable
      caption={t("decisions.ratificationsOf", { subject: decision.subject })}
      className="table"
      hideCaption
    >
      <thead>
        <tr>
          <th scope="col">{t("common.member")}</th>
          <th scope="col">{t("decisions.status")}</th>
          <th scope="col">{t("decisions.number")}</th>
          <th scope="col">{t("decisions.date")}</th>
          <ActionsHeader />
        </tr>
      </thead>
      <tbody>
        {decision.ratifications.map((r) => (
          <tr key={r.memberId}>
            <th scope="row">{memberName(r.memberId)}</th>
            <td>
              <RatificationBadge status={r.status} />
            </td>
            <td>{r.deliberationNumber ?? "—"}</td>
            <td>{r.deliberatedOn === null ? "—" : <DateText value={r.deliberatedOn} />}</td>
            <td>
              {!closed && canRecordRatification(account, r.memberId) && (
                <RowButton
                  label={t("decisions.record")}
                  context={` — ${memberName(r.memberId)}`}
                  aria-expanded={editing === r.memberId}
                  aria-controls={formId}
                  onClick={() => onRecord(r.memberId)}
                />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </CaptionedTable>
  );
}
