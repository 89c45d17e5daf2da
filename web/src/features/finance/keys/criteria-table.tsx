import { useTranslation } from "react-i18next";
import { formatRateInput } from "../../../../../src/shared/money-input.ts";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { formatPercent } from "../../../shared/format/format-percent.ts";
import { useLocale } from "../../../shared/i18n/use-locale.ts";
import { useEntente } from "../entente/entente-context.tsx";
import type { AllocationKey } from "../finance-types.ts";

type Period = NonNullable<AllocationKey["periods"]>[number];

/**
 * The criteria of each criteria period of a key, as read: one column per criterion — its label,
 * weight and source with its year (« Populations légales INSEE 2022 ») — and each member's value.
 */
export function CriteriaTables({ allocationKey }: { allocationKey: AllocationKey }) {
  const periods = (allocationKey.periods ?? []).filter((p) => p.criteria !== undefined);
  return periods.map((p) => (
    <CriteriaTable key={p.from ?? "origin"} label={allocationKey.label} period={p} />
  ));
}

function CriteriaTable({ label, period }: { label: string; period: Period }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const { memberName } = useEntente();
  const criteria = period.criteria ?? [];
  const members = [...new Set(criteria.flatMap((c) => c.values.map((v) => v.memberId)))];
  const from = period.from === null ? t("keys.periodOrigin") : t("keys.periodFrom", { year: period.from });
  return (
    <CaptionedTable caption={t("keys.criteriaOf", { label, from })} className="table table--compact">
      <thead>
        <tr>
          <th scope="col">{t("common.member")}</th>
          {criteria.map((c) => (
            <th scope="col" className="num" key={c.id}>
              {c.label ?? c.id} ({formatPercent(c.weight, locale)})
              {c.source !== null && (
                <>
                  <br />
                  <span className="meta">{c.source}</span>
                </>
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {members.map((memberId) => (
          <tr key={memberId}>
            <th scope="row">{memberName(memberId)}</th>
            {criteria.map((c) => (
              <td className="num" key={c.id}>
                {formatRateInput(c.values.find((v) => v.memberId === memberId)?.value ?? "—", i18n.language)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </CaptionedTable>
  );
}
