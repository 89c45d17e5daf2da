import { useTranslation } from "react-i18next";
import type { ReportSettlement } from "../../../../../src/finance/contracts/budget-report.ts";
import { Euros, Percent } from "../../../shared/components/amount.tsx";
import { EurosCell } from "../../../shared/components/euros-cell.tsx";
import { ExactEuros } from "../../../shared/components/exact-euros.tsx";
import { NumHeader } from "../../../shared/components/num-header.tsx";
import { TableWrap } from "../../../shared/components/table-wrap.tsx";

type Allocation = ReportSettlement["allocations"][number];

/** How one key shares one section's cost: each member's rate, exact share before rounding, and contribution. */
export function AllocationTable({
  allocation: a,
  year,
  name,
}: {
  allocation: Allocation;
  year: number;
  name: (id: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <TableWrap label={t("tables.allocation")}>
      <table className="table">
        <caption>
          {t("tables.allocationCaption", {
            year,
            key: a.keyLabel,
            section: t(`sectionsInline.${a.section}`),
          })}{" "}
          <Euros value={a.total} />
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("common.member")}</th>
            <NumHeader>{t("common.rate")}</NumHeader>
            <NumHeader>{t("tables.exactShare")}</NumHeader>
            <NumHeader>{t("tables.contribution")}</NumHeader>
          </tr>
        </thead>
        <tbody>
          {a.shares.map((s) => (
            <tr key={s.member}>
              <th scope="row">{name(s.member)}</th>
              <td className="num">
                <Percent value={s.percent} />
              </td>
              <td className="num">
                <ExactEuros value={s.exact} />
              </td>
              <EurosCell value={s.amount} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("common.total")}</th>
            <td className="num">
              <Percent value="100" />
            </td>
            <td />
            <EurosCell value={a.total} />
          </tr>
        </tfoot>
      </table>
    </TableWrap>
  );
}
