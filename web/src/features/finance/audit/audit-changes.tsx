import { useTranslation } from "react-i18next";
import type { Change } from "./audit-diff.ts";

/**
 * What an audit event changed, folded in a <details>: the count in its summary (lines of a budget
 * when every change is a line), then each change — a line added or removed, or a value before → after.
 */
export function AuditChanges({ changes }: { changes: readonly Change[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) return <>—</>;
  const lines = changes.filter((c) => c.line !== undefined).length;
  return (
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
  );
}
