import { useTranslation } from "react-i18next";
import { centsToEuroText } from "../../../../../src/shared/money-input.ts";
import { DateText } from "../../../shared/components/date-text.tsx";
import { TableWrap } from "../../../shared/components/table-wrap.tsx";
import { formatEuros } from "../../../shared/format/format-euros.ts";
import { useLocale } from "../../../shared/i18n/use-locale.ts";
import type { AuditEvent } from "../finance-types.ts";
import { AuditChanges } from "./audit-changes.tsx";
import { type AmountFormat, diffAudit } from "./audit-diff.ts";

/** One page of the audit trail: when, who, which action on which item, and what changed (amounts in euros). */
export function AuditTable({ events, page }: { events: readonly AuditEvent[]; page: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format: AmountFormat = {
    cents: (cents) => formatEuros(centsToEuroText(cents), locale),
    euros: (text) => formatEuros(text, locale),
  };
  return (
    <TableWrap label={t("audit.title")}>
      <table className="table">
        <caption>{t("audit.caption", { page })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("audit.at")}</th>
            <th scope="col">{t("audit.actor")}</th>
            <th scope="col">{t("audit.action")}</th>
            <th scope="col">{t("audit.entity")}</th>
            <th scope="col">{t("audit.changes")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td>
                <DateText value={e.at} withTime />
              </td>
              <td className="audit__actor">{e.actor}</td>
              <td>{t(`audit.actions.${e.action}` as "audit.actions.update", { defaultValue: e.action })}</td>
              <td>
                {t(`audit.entities.${e.entity}` as "audit.entities.member", { defaultValue: e.entity })}{" "}
                <code className="audit__id">{e.entityId}</code>
              </td>
              <td>
                <AuditChanges changes={diffAudit(e.before, e.after, format)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
