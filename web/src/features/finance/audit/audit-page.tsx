import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AuditPage as AuditPageSchema } from "../../../../../src/finance/contracts/api.ts";
import { centsToEuroText } from "../../../../../src/shared/money-input.ts";
import { useResource } from "../../../shared/api/use-resource.ts";
import { DateText } from "../../../shared/components/date-text.tsx";
import { ResourceStatus } from "../../../shared/components/resource-status.tsx";
import { TableWrap } from "../../../shared/components/table-wrap.tsx";
import { formatEuros } from "../../../shared/format/format-euros.ts";
import { useLocale } from "../../../shared/i18n/use-locale.ts";
import { PageHeader } from "../../../shared/layout/page-header.tsx";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";
import { type AmountFormat, diffAudit } from "./audit-diff.ts";

/** Who changed what and when, newest first, one page at a time (cursor `before`). */
export function AuditPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { entente } = useEntente();
  const format: AmountFormat = {
    cents: (cents) => formatEuros(centsToEuroText(cents), locale),
    euros: (text) => formatEuros(text, locale),
  };
  // cursors of the pages seen so far: null is the newest page
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const before = cursors.at(-1) ?? null;
  const page = useResource(financePaths.audit(entente.id, before), AuditPageSchema);
  const events = page.data?.events ?? [];
  const next = page.data?.nextBefore ?? null;
  return (
    <>
      <PageHeader title={t("audit.title")} />
      <p className="lead">{t("audit.intro")}</p>
      <ResourceStatus resource={page} />
      {page.data !== undefined && events.length === 0 && <p>{t("audit.none")}</p>}
      {events.length > 0 && (
        <TableWrap label={t("audit.title")}>
          <table className="table">
            <caption>{t("audit.caption", { page: cursors.length })}</caption>
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
              {events.map((e) => {
                const changes = diffAudit(e.before, e.after, format);
                const lines = changes.filter((c) => c.line !== undefined).length;
                return (
                  <tr key={e.id}>
                    <td>
                      <DateText value={e.at} withTime />
                    </td>
                    <td className="audit__actor">{e.actor}</td>
                    <td>
                      {t(`audit.actions.${e.action}` as "audit.actions.update", { defaultValue: e.action })}
                    </td>
                    <td>
                      {t(`audit.entities.${e.entity}` as "audit.entities.member", { defaultValue: e.entity })}{" "}
                      <code className="audit__id">{e.entityId}</code>
                    </td>
                    <td>
                      {changes.length === 0 ? (
                        "—"
                      ) : (
                        <details>
                          <summary>
                            {lines > 0 && lines === changes.length
                              ? t("audit.lineCount", { count: lines })
                              : t("audit.changeCount", { count: changes.length })}
                          </summary>
                          <ul className="changes">
                            {changes.map((c) => (
                              <li key={`${c.line ?? ""}:${c.field}`}>
                                {c.line !== undefined && <strong>{t("audit.line", { n: c.line })} : </strong>}
                                {c.line === undefined && c.field !== "" && <strong>{c.field} : </strong>}
                                {c.line !== undefined && c.before === "—" ? (
                                  <>
                                    {t("audit.added")} <code>{c.after}</code>
                                  </>
                                ) : c.line !== undefined && c.after === "—" ? (
                                  <>
                                    {t("audit.removed")} <code className="change-before">{c.before}</code>
                                  </>
                                ) : (
                                  <>
                                    <code className="change-before">{c.before}</code> → <code>{c.after}</code>
                                  </>
                                )}
                              </li>
                            ))}
                          </ul>
                        </details>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
      <nav className="pager" aria-label={t("audit.pages")}>
        <button
          type="button"
          className="button button--secondary"
          disabled={cursors.length === 1}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          {t("audit.newer")}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={next === null}
          onClick={() => next !== null && setCursors((c) => [...c, next])}
        >
          {t("audit.older")}
        </button>
      </nav>
    </>
  );
}
