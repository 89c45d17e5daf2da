import { percentUnitsToText } from "../../../../../src/shared/money-input.ts";
import { formatPercent } from "../../../shared/format/format-percent.ts";
import type { PercentCheck } from "./percent-check.ts";

/** Where a percent key stands: every rate read and 100 %, some missing, too many, or a value that is not a rate. */
export type PercentStatus = "ok" | "missing" | "excess" | "invalid";

/**
 * A percent key's live check as the reader sees it: the sum and the gap to 100 % in their
 * language ("99,9 %"), and the status that picks the message and its style.
 */
export function describePercentCheck(check: PercentCheck, locale: string) {
  const sum = formatPercent(percentUnitsToText(check.sum), locale);
  const gap = formatPercent(percentUnitsToText(check.gap < 0n ? -check.gap : check.gap), locale);
  const status: PercentStatus =
    check.invalid.length > 0 ? "invalid" : check.gap === 0n ? "ok" : check.gap > 0n ? "missing" : "excess";
  return { sum, gap, status };
}
