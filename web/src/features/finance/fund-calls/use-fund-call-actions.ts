import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatEuros } from "../../../shared/format/format-euros.ts";
import { useLocale } from "../../../shared/i18n/use-locale.ts";
import { useEntente } from "../entente/entente-context.tsx";
import type { FundCall } from "../finance-types.ts";

/**
 * What the fund calls page has open: the member whose payment (or refund of a trop-perçu) is
 * being recorded, the payment whose cancellation is asked for, and what the last cancellation or
 * refund left due (announced). Saved
 * calls replace theirs in `calls` through `setCalls`.
 */
export function useFundCallActions(
  calls: readonly FundCall[] | undefined,
  setCalls: (calls: FundCall[]) => void,
) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { memberName } = useEntente();
  const [paying, setPaying] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState<string | null>(null);
  const [refunding, setRefunding] = useState<string | null>(null);
  const replace = (saved: FundCall) => setCalls((calls ?? []).map((c) => (c.id === saved.id ? saved : c)));
  const cancellingCall = calls?.find((c) => c.payments.some((p) => p.id === cancelling));
  return {
    paying,
    payingCall: calls?.find((c) => c.memberId === paying),
    cancelled,
    cancellingCall,
    cancellingPayment: cancellingCall?.payments.find((p) => p.id === cancelling),
    togglePaying: (memberId: string) => {
      setCancelled(null);
      setPaying(paying === memberId ? null : memberId);
    },
    closePayment: () => setPaying(null),
    refunding,
    refundingCall: calls?.find((c) => c.memberId === refunding),
    toggleRefunding: (memberId: string) => {
      setCancelled(null);
      setPaying(null);
      setRefunding(refunding === memberId ? null : memberId);
    },
    closeRefund: () => setRefunding(null),
    refunded: (saved: FundCall) => {
      replace(saved);
      setRefunding(null);
      setCancelled(
        t("fundCalls.refunded", { member: memberName(saved.memberId), due: formatEuros(saved.due, locale) }),
      );
    },
    paid: (saved: FundCall) => {
      replace(saved);
      setPaying(null);
    },
    askCancel: (paymentId: string) => {
      setCancelled(null);
      setCancelling(paymentId);
    },
    closeCancel: () => setCancelling(null),
    cancelledPayment: (saved: FundCall) => {
      replace(saved);
      setCancelling(null);
      setCancelled(
        t("fundCalls.cancelled", { member: memberName(saved.memberId), due: formatEuros(saved.due, locale) }),
      );
    },
  };
}
