import { useTranslation } from "react-i18next";
import { sumEuros } from "../../../../../src/shared/money-input.ts";
import { formatEuros } from "../../../shared/format/format-euros.ts";
import { formatLongDate } from "../../../shared/format/format-long-date.ts";
import { useLocale } from "../../../shared/i18n/use-locale.ts";
import { useEntente } from "../entente/entente-context.tsx";
import type { FundCall } from "../finance-types.ts";

/** A payment of a fund call. */
export type Payment = FundCall["payments"][number];

/**
 * What a cancellation is about and what it changes, the dialog's description: the payment (member,
 * date, amount, reference; `${id}-summary`) and the member's due amount before and after (`${id}-effect`).
 */
export function PaymentCancelEffect({ id, call, payment }: { id: string; call: FundCall; payment: Payment }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { memberName } = useEntente();
  const member = memberName(call.memberId);
  return (
    <>
      <p id={`${id}-summary`}>
        {t("fundCalls.cancelSummary", {
          member,
          date: formatLongDate(payment.paidOn, locale),
          amount: formatEuros(payment.amount, locale),
          reference:
            payment.reference === null
              ? ""
              : t("fundCalls.cancelReference", { reference: payment.reference }),
        })}
      </p>
      <p id={`${id}-effect`}>
        {t("fundCalls.cancelEffect", {
          member,
          from: formatEuros(call.due, locale),
          to: formatEuros(sumEuros([call.due, payment.amount]), locale),
        })}
      </p>
    </>
  );
}
