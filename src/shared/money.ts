import { Decimal as BaseDecimal } from "decimal.js";
import { MAX_AMOUNT_INTEGER_DIGITS } from "./limits.ts";
import { centsToEuroText } from "./money-input.ts";

// decimal.js rounds to 20 significant digits by default; ours never rounds implicitly.
const Decimal = BaseDecimal.clone({ precision: 1000 });

/**
 * Money in Entente is an exact integer number of cents (`bigint`), never a float.
 * Euro amounts enter as decimal text (`"45276"`, `"45276.50"`) and are parsed by decimal.js;
 * they leave as decimal text again. The currency is the euro: 2 decimals (ISO 4217).
 */
export type Cents = bigint;

/** Decimals of the euro (ISO 4217 minor unit). */
export const EURO_DECIMALS = 2;

/** The unit in which shares are rounded: whole euros (100 cents) or cents. */
export type RoundingUnit = "euro" | "cent";

/** Size of a rounding unit, in cents. */
export function unitInCents(unit: RoundingUnit): Cents {
  return unit === "euro" ? 100n : 1n;
}

export type ParsedAmount = { ok: true; cents: Cents } | { ok: false; reason: ParseFailure };

export type ParsedScaled = { ok: true; value: bigint } | { ok: false; reason: ParseFailure };

export type ParseFailure = "not_a_number" | "negative" | "too_many_decimals" | "too_large";

/**
 * At most 12 digits before the decimal point of any number written (amounts, rates, criteria):
 * larger figures are typing mistakes, and this bound lets every total computed from valid inputs
 * fit what the reads return and what PostgreSQL stores (limits.ts derives it).
 */
export const MAX_INTEGER_DIGITS = MAX_AMOUNT_INTEGER_DIGITS;

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const WHOLE_TEXT = new RegExp(`^\\d{1,${MAX_INTEGER_DIGITS}}$`);

/**
 * Parses decimal text (a dot as decimal separator, no grouping, no exponent) into an integer
 * scaled by 10^`decimals`, refusing more decimals than that: with 4 decimals, `"30.6"` → 306000n.
 * Used for rates (4 decimals) and criteria; `parseEuros` is the 2-decimal case for money.
 */
export function parseScaledDecimal(
  text: string,
  decimals: number,
  options: { allowNegative?: boolean } = {},
): ParsedScaled {
  const trimmed = text.trim();
  // Whole numbers of at most 12 digits (most criteria and weights: populations, counts) need no
  // decimal arithmetic: BigInt reads them exactly, ~10× faster than decimal.js on 20 000-member
  // files (bench/budget.bench.ts). Everything else goes through decimal.js below.
  if (WHOLE_TEXT.test(trimmed)) return { ok: true, value: BigInt(trimmed) * 10n ** BigInt(decimals) };
  if (!DECIMAL_TEXT.test(trimmed)) return { ok: false, reason: "not_a_number" };
  const integerDigits = (trimmed.replace(/^[+-]/, "").split(".")[0] ?? "").replace(/^0+/, "").length;
  if (integerDigits > MAX_INTEGER_DIGITS) return { ok: false, reason: "too_large" };
  const value = new Decimal(trimmed);
  if (value.isNegative() && !value.isZero() && !options.allowNegative)
    return { ok: false, reason: "negative" };
  if (value.decimalPlaces() > decimals) return { ok: false, reason: "too_many_decimals" };
  return { ok: true, value: BigInt(value.times(new Decimal(10).pow(decimals)).toFixed(0)) };
}

/**
 * Parses a euro amount written as decimal text into cents. `allowNegative` is for signed
 * amounts such as adjustments.
 *
 * @example parseEuros("45276.5") // { ok: true, cents: 4527650n }
 * @example parseEuros("1.005")   // { ok: false, reason: "too_many_decimals" }
 */
export function parseEuros(text: string, options: { allowNegative?: boolean } = {}): ParsedAmount {
  const parsed = parseScaledDecimal(text, EURO_DECIMALS, options);
  return parsed.ok ? { ok: true, cents: parsed.value } : parsed;
}

// The exact decimal text of an amount (JSON, CSV, the API) is written once, with BigInt only, in
// money-input.ts (which the web console imports too).
export { centsToEuroText };

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats an amount for people: French grouping by default (`305 797`, `45 276,50`), no currency
 * sign (tables state "en €" in their header). Formats the exact decimal string, never a float.
 * `signed` prints an explicit `+` on positive amounts (adjustments).
 */
export function formatEuros(
  cents: Cents,
  options: { locale?: string; unit?: RoundingUnit; signed?: boolean } = {},
): string {
  const unit = options.unit ?? "cent";
  const digits = unit === "euro" && cents % 100n === 0n ? 0 : EURO_DECIMALS;
  const locale = options.locale ?? "fr-FR";
  const cacheKey = `${locale}|${digits}|${options.signed === true}`;
  let format = formatters.get(cacheKey);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: options.signed ? "exceptZero" : "auto",
    });
    formatters.set(cacheKey, format);
  }
  const text = centsToEuroText(cents);
  // Intl.NumberFormat formats decimal strings exactly (ECMA-402 "string as exact decimal") but
  // only within the range of doubles; beyond it (computed sums only), group the digits ourselves.
  if (text.length < 300) return format.format(text as `${number}`);
  const parts = format.formatToParts(-1000.5);
  const group = parts.find((p) => p.type === "group")?.value ?? " ";
  const point = parts.find((p) => p.type === "decimal")?.value ?? ",";
  const [integer = "", fraction] = text.replace("-", "").split(".");
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = cents < 0n ? "-" : options.signed && cents > 0n ? "+" : "";
  return `${sign}${grouped}${digits > 0 ? `${point}${fraction ?? "00"}` : ""}`;
}

/** Sum of amounts (exact). */
export function sumCents(values: Iterable<Cents>): Cents {
  let total = 0n;
  for (const value of values) total += value;
  return total;
}
