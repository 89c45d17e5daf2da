import { useTranslation } from "react-i18next";
import { Percent } from "../../../shared/components/amount.tsx";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { useEntente } from "../entente/entente-context.tsx";
import { frozenUsageKeys } from "./usage-key-draft.ts";

/**
 * The usage keys frozen in the missions spécifiques' keys, for every reader: each with its
 * mission, section, first exercise, source (service, metric, period, snapshot) and each member's
 * share as frozen.
 */
export function FrozenUsageKeys() {
  const { t } = useTranslation();
  const { entente, memberName } = useEntente();
  const frozen = frozenUsageKeys(entente);
  return (
    <section aria-labelledby="usage-frozen-title" className="section card">
      <h2 id="usage-frozen-title">{t("usageKey.frozenTitle")}</h2>
      {frozen.length === 0 && <p>{t("usageKey.none")}</p>}
      {frozen.map((f) => (
        <div key={`${f.missionId}-${f.section}-${f.period.from}`}>
          <CaptionedTable
            caption={t("usageKey.frozenOf", {
              mission: f.missionName,
              section: t(`sectionsInline.${f.section}`),
              key: f.keyLabel,
              year: f.period.from,
            })}
            className="table table--compact"
          >
            <thead>
              <tr>
                <th scope="col">{t("common.member")}</th>
                <th scope="col" className="num">
                  {t("usageKey.share")}
                </th>
              </tr>
            </thead>
            <tbody>
              {f.period.shares.map((s) => (
                <tr key={s.memberId}>
                  <th scope="row">{memberName(s.memberId)}</th>
                  <td className="num">{s.percent === "" ? "—" : <Percent value={s.percent} />}</td>
                </tr>
              ))}
            </tbody>
          </CaptionedTable>
          {f.period.source !== null && (
            <p className="meta">{t("usageKey.sourceIs", { source: f.period.source })}</p>
          )}
        </div>
      ))}
    </section>
  );
}
