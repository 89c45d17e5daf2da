import { useTranslation } from "react-i18next";
import { useEntente } from "../entente/entente-context.tsx";
import { financePaths } from "../finance-paths.ts";

/**
 * Each member's deliberation draft on the year's amending budget, ODT and PDF (what changes,
 * its complementary contribution or reduction, the chapter to charge) — the secretariat's.
 */
export function DeliberationDownloads({ year, members }: { year: number; members: readonly string[] }) {
  const { t } = useTranslation();
  const { entente, memberName } = useEntente();
  return (
    <section aria-labelledby="amending-deliberations" className="section card">
      <h2 id="amending-deliberations" className="h3">
        {t("amending.deliberations")}
      </h2>
      <p className="hint">{t("amending.deliberationsHint")}</p>
      <ul className="downloads">
        {members.flatMap((m) =>
          (["odt", "pdf"] as const).map((format) => (
            <li key={`${m}-${format}`}>
              <a
                className="download"
                href={financePaths.amendingDeliberation(entente.id, year, m, format)}
                download
              >
                <span className="download__title">
                  {t(format === "odt" ? "amending.deliberationOdt" : "amending.deliberationPdf", {
                    member: memberName(m),
                  })}
                </span>
              </a>
            </li>
          )),
        )}
      </ul>
    </section>
  );
}
