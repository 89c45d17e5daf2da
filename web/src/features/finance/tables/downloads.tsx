import { useTranslation } from "react-i18next";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";

const FORMATS = ["xlsx", "ods", "csv", "pdf", "md"] as const;

/**
 * The report of `year` to download, in every format, in the reader's language. `disabled`: the
 * report cannot be produced (a rule broken): the formats are listed without links, and why.
 */
export function Downloads({ year, disabled = false }: { year: number; disabled?: boolean }) {
  const { t, i18n } = useTranslation();
  const { entente } = useEntente();
  return (
    <section aria-labelledby="downloads" className="section card">
      <h2 id="downloads" className="h3">
        {t("tables.downloads")}
      </h2>
      {disabled && <p>{t("tables.downloadsUnavailable")}</p>}
      <ul className="downloads">
        {FORMATS.map((f) => (
          <li key={f}>
            {disabled ? (
              <span className="download" aria-disabled="true">
                <span className="download__title">{t(`tables.format.${f}`, { year })}</span>
                <span className="download__meta">{t(`tables.formatMeta.${f}`)}</span>
              </span>
            ) : (
              <a
                className="download"
                href={`${financePaths.export(entente.id, year, f)}?lang=${i18n.language === "en" ? "en" : "fr"}`}
                download
              >
                <span className="download__title">{t(`tables.format.${f}`, { year })}</span>
                <span className="download__meta">{t(`tables.formatMeta.${f}`)}</span>
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
