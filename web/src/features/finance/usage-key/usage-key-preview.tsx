import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { UsageKey } from "../../../../../src/finance/contracts/usage-key-api.ts";
import { Percent } from "../../../shared/components/amount.tsx";
import { CaptionedTable } from "../../../shared/components/captioned-table.tsx";
import { useEntente } from "../entente/entente-context.tsx";

/** A usage key as computed: each member's accounts, measured usage, weight and exact share, with its source. */
export function UsageKeyPreview({ usageKey }: { usageKey: z.infer<typeof UsageKey> }) {
  const { t, i18n } = useTranslation();
  const { entente, memberName } = useEntente();
  const label = entente.keys.find((k) => k.id === usageKey.keyId)?.label ?? usageKey.keyId;
  const count = (digits: string) => new Intl.NumberFormat(i18n.language).format(BigInt(digits));
  return (
    <>
      <CaptionedTable
        caption={t("usageKey.previewOf", { key: label, year: usageKey.year })}
        className="table table--compact"
        id="usage-key-preview"
      >
        <thead>
          <tr>
            <th scope="col">{t("common.member")}</th>
            <th scope="col" className="num">
              {t("usageKey.seatsColumn")}
            </th>
            <th scope="col" className="num">
              {t("usageKey.measuredColumn")}
            </th>
            <th scope="col" className="num">
              {t("usageKey.weightColumn")}
            </th>
            <th scope="col" className="num">
              {t("usageKey.share")}
            </th>
          </tr>
        </thead>
        <tbody>
          {usageKey.members.map((m) => (
            <tr key={m.memberId}>
              <th scope="row">{memberName(m.memberId)}</th>
              <td className="num">{count(m.seats)}</td>
              <td className="num">{count(m.measured)}</td>
              <td className="num">{count(m.weight)}</td>
              <td className="num">
                <Percent value={m.percent} />
              </td>
            </tr>
          ))}
        </tbody>
      </CaptionedTable>
      <p className="meta">{t("usageKey.sourceIs", { source: usageKey.source })}</p>
      {usageKey.frozen && (
        <p className="alert alert--success" role="status">
          {t("usageKey.frozenNotice", { year: usageKey.year })}
        </p>
      )}
    </>
  );
}
