import { useTranslation } from "react-i18next";
import { formatRateInput } from "../../../../../src/shared/money-input.ts";
import { Percent } from "../../../shared/components/amount.tsx";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { useEntente } from "../entente/entente-context.tsx";
import type { AllocationKey } from "../finance-types.ts";

/**
 * A key's periods side by side, oldest first (its timeline): one column per period — « depuis
 * l'origine », then « à partir de 2025 »… — with each member's figure as entered (rate, weight)
 * and its share. Shown only when the key has more than its first basis.
 */
export function KeyPeriodsTable({ allocationKey }: { allocationKey: AllocationKey }) {
  const { t, i18n } = useTranslation();
  const { memberName } = useEntente();
  const periods = allocationKey.periods ?? [];
  if (periods.length < 2) return null;
  const members = [...new Set(periods.flatMap((p) => p.shares.map((s) => s.memberId)))];
  const title = (from: number | null) =>
    from === null ? t("keys.periodOrigin") : t("keys.periodFrom", { year: from });
  return (
    <CaptionedTable
      caption={t("keys.periodsOf", { label: allocationKey.label })}
      className="table table--compact"
      id={`key-${allocationKey.id}-periods`}
    >
      <thead>
        <tr>
          <th scope="col">{t("common.member")}</th>
          {periods.map((p) => (
            <th scope="col" className="num" key={p.from ?? "origin"}>
              {title(p.from)}
              <br />
              <span className="meta">
                {t(`keyBasis.${p.basis}`)}
                {p.source === null ? "" : ` · ${p.source}`}
              </span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {members.map((memberId) => (
          <tr key={memberId}>
            <th scope="row">{memberName(memberId)}</th>
            {periods.map((p) => {
              const share = p.shares.find((s) => s.memberId === memberId);
              return (
                <td className="num" key={p.from ?? "origin"}>
                  {share === undefined ? (
                    "—"
                  ) : p.basis === "weights" ? (
                    <>
                      {formatRateInput(share.value, i18n.language)} (
                      {share.percent === "" ? "—" : <Percent value={share.percent} />})
                    </>
                  ) : share.percent === "" ? (
                    formatRateInput(share.value, i18n.language)
                  ) : (
                    <Percent value={share.percent} />
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </CaptionedTable>
  );
}
