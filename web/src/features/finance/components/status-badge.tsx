import { useTranslation } from "react-i18next";
import type { BudgetStatus, FundCall, RatificationStatus } from "../finance-types.ts";

type Tone = "neutral" | "info" | "success" | "warning" | "error";

function Badge({ tone, children }: { tone: Tone; children: string }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}

const BUDGET_TONE: Record<BudgetStatus, Tone> = {
  draft: "neutral",
  approved: "info",
  ratifying: "warning",
  adopted: "success",
};

/** draft → approved (by the conference) → ratifying → adopted (every member ratified). */
export function BudgetStatusBadge({ status }: { status: BudgetStatus }) {
  const { t } = useTranslation();
  return <Badge tone={BUDGET_TONE[status]}>{t(`budgetStatus.${status}`)}</Badge>;
}

const RATIFICATION_TONE: Record<RatificationStatus, Tone> = {
  pending: "warning",
  ratified: "success",
  rejected: "error",
};

/** A member assembly's deliberation: pending, ratified or rejected. */
export function RatificationBadge({ status }: { status: RatificationStatus }) {
  const { t } = useTranslation();
  return <Badge tone={RATIFICATION_TONE[status]}>{t(`ratificationStatus.${status}`)}</Badge>;
}

const FUND_CALL_TONE: Record<FundCall["status"], Tone> = {
  issued: "warning",
  "partially-paid": "info",
  paid: "success",
};

/** A fund call: issued, partly paid or paid. */
export function FundCallBadge({ status }: { status: FundCall["status"] }) {
  const { t } = useTranslation();
  return <Badge tone={FUND_CALL_TONE[status]}>{t(`fundCallStatus.${status}`)}</Badge>;
}
