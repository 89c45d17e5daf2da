import { useTranslation } from "react-i18next";
import { centsToEuroText } from "../../../../../src/shared/money-input.ts";
import { EurosCell } from "../../../shared/components/euros-cell.tsx";
import { NumHeader } from "../../../shared/components/num-header.tsx";
import { formatEuros } from "../../../shared/format/format-euros.ts";
import { useLocale } from "../../../shared/i18n/use-locale.ts";
import { SECTIONS } from "../finance-types.ts";
import type { BudgetBalance } from "./budget-balance.ts";

/**
 * The live balance of the budget being edited: expenses, receipts and their gap per section, and
 * a polite announcement of each section's state (balanced, or off by how much) and of unreadable amounts.
 */
export function BalancePanel({ balance }: { balance: BudgetBalance }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const euros = (cents: bigint) => centsToEuroText(cents);
  return (
    <section className="balance card" aria-labelledby="balance-title">
      <h2 id="balance-title" className="h3">
        {t("budget.balanceTitle")}
      </h2>
      <table className="table table--compact">
        <caption className="visually-hidden">{t("budget.balanceTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("budget.section")}</th>
            <NumHeader>{t("budget.expenses")}</NumHeader>
            <NumHeader>{t("budget.receipts")}</NumHeader>
            <NumHeader>{t("budget.balance")}</NumHeader>
          </tr>
        </thead>
        <tbody>
          {SECTIONS.map((s) => (
            <tr key={s} className={balance[s].balance === 0n ? "" : "row--warning"}>
              <th scope="row">{t(`sections.${s}`)}</th>
              <EurosCell value={euros(balance[s].expenses)} />
              <EurosCell value={euros(balance[s].receipts)} />
              <EurosCell value={euros(balance[s].balance)} strong />
            </tr>
          ))}
        </tbody>
      </table>
      <div aria-live="polite" className="balance__status">
        {SECTIONS.map((s) => (
          <p key={s} className={balance[s].balance === 0n ? "check check--ok" : "check check--excess"}>
            {balance[s].balance === 0n
              ? t("budget.balanced", { section: t(`sections.${s}`) })
              : t("budget.unbalanced", {
                  section: t(`sections.${s}`),
                  gap: formatEuros(euros(balance[s].balance), locale),
                })}
          </p>
        ))}
        {balance.unreadable.length > 0 && (
          <p className="check check--invalid">
            {t("budget.unreadable", { count: balance.unreadable.length })}
          </p>
        )}
      </div>
    </section>
  );
}
