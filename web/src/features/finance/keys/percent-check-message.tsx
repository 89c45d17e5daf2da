import { useTranslation } from "react-i18next";
import type { PercentStatus } from "./describe-percent-check.ts";

/** Where the rates of a percent key stand, announced politely as they are typed (`id` describes Save). */
export function PercentCheckMessage({
  id,
  status,
  sum,
  gap,
  invalid,
}: {
  id: string;
  status: PercentStatus;
  sum: string;
  gap: string;
  /** How many values are not rates. */
  invalid: number;
}) {
  const { t } = useTranslation();
  return (
    <p aria-live="polite" className={`check check--${status}`} id={id}>
      {status === "ok" && t("keys.checkOk")}
      {status === "missing" && t("keys.checkMissing", { sum, gap })}
      {status === "excess" && t("keys.checkExcess", { sum, gap })}
      {status === "invalid" && t("keys.checkInvalid", { count: invalid })}
    </p>
  );
}
