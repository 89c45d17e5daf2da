/**
 * Exact decimal arithmetic for the forms of the console. Amounts travel as euro strings with
 * at most two decimals ("45276.50") and rates as percent strings with at most four ("30.6");
 * a live sum is computed on BigInt units (cents, ten-thousandths of a percent), never on JS
 * numbers, so 0.1 + 0.2 is 0.3 and a sum of 20-digit amounts stays exact.
 */

/** Spaces a person may type or paste as thousands separators (space, no-break, narrow no-break). */
const GROUPING = /[\s\u00a0\u202f]/g;
const DECIMAL = /^([-\u2212])?(\d*)(?:\.(\d*))?$/;

/**
 * Parses a decimal typed in French or English form into integer units of 10^-scale:
 * "45 276,50" and "45276.5" are both 4527650n at scale 2. Returns null when the text is not a
 * number or has more decimals than `scale` (never rounds silently).
 * @example parseScaled("30,6", 4) // 306000n
 */
export function parseScaled(text: string, scale: number): bigint | null {
  const match = DECIMAL.exec(text.replace(GROUPING, "").replace(",", "."));
  if (match === null) return null;
  const [, sign, whole = "", fraction = ""] = match;
  if (whole === "" && fraction === "") return null;
  if (fraction.length > scale) return null;
  const units =
    BigInt(whole === "" ? "0" : whole) * 10n ** BigInt(scale) + BigInt(fraction.padEnd(scale, "0") || "0");
  return sign === undefined ? units : -units;
}

/**
 * Writes integer units of 10^-scale as a decimal string with a dot: the form the API expects.
 * `trim` drops trailing zeros of the fraction (rates: "30.6", not "30.6000").
 * @example formatScaled(4527650n, 2) // "45276.50"
 */
export function formatScaled(units: bigint, scale: number, trim = false): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  let fraction = digits.slice(digits.length - scale);
  if (trim) fraction = fraction.replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction === "" ? "" : `.${fraction}`}`;
}

/** Euro text ("45 276,50", "45276.5") → cents (4527650n), or null when it is not an amount. */
export function parseEuroCents(text: string): bigint | null {
  return parseScaled(text, 2);
}

/** Cents → the API's euro text with two decimals: 4527650n → "45276.50". */
export function centsToEuroText(cents: bigint): string {
  return formatScaled(cents, 2);
}

/** Percent text ("30,6") → ten-thousandths of a percent (306000n); 100 % is {@link HUNDRED_PERCENT}. */
export function parsePercentUnits(text: string): bigint | null {
  return parseScaled(text, 4);
}

/** 100 % in ten-thousandths of a percent: the exact sum a percent key must reach. */
export const HUNDRED_PERCENT = 1_000_000n;

/** Ten-thousandths of a percent → percent text without trailing zeros: 306000n → "30.6". */
export function percentUnitsToText(units: bigint): string {
  return formatScaled(units, 4, true);
}

/**
 * Displays an exact decimal string as euros in the reader's language, without going through a
 * JS number (Intl.NumberFormat formats a numeric string exactly).
 * @example formatEuros("305797.00", "fr-FR") // "305 797,00 €" (narrow no-break spaces)
 */
export function formatEuros(text: string, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "EUR",
    minimumFractionDigits: 2,
  }).format(text as `${number}`);
}

/**
 * Displays a percent string ("30.6") in the reader's language ("30,6 %" in French, "30.6%" in
 * English), exactly: the rate is shifted by two decimals as text, not divided as a float.
 * Text that is not a rate is shown as it is.
 */
export function formatPercent(text: string, locale: string): string {
  const units = parsePercentUnits(text);
  if (units === null) return text;
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 4 }).format(
    formatScaled(units, 6, true) as `${number}`,
  );
}

/**
 * The exact sum of euro strings from the API, as a euro string. Throws on a string that is not
 * an amount: the API's answers are parsed with EuroAmount first, so that would be a bug.
 * @example sumEuros(["50350.00", "29070.00", "15580.00"]) // "95000.00"
 */
export function sumEuros(texts: readonly string[]): string {
  let total = 0n;
  for (const text of texts) {
    const cents = parseEuroCents(text);
    if (cents === null) throw new Error(`not an amount in euros: ${JSON.stringify(text)}`);
    total += cents;
  }
  return centsToEuroText(total);
}

/**
 * Displays an exact share in euros as the report gives it ("166517.856", or "3414.418688…" when
 * the decimals do not end), every decimal kept: it is the figure before rounding, shown so a
 * reader can check the rounding.
 * @example formatExactEuros("166517.856", "fr-FR") // "166 517,856"
 */
export function formatExactEuros(text: string, locale: string): string {
  const endless = text.endsWith("…");
  const digits = endless ? text.slice(0, -1) : text;
  if (parseScaled(digits, 20) === null) return text;
  const formatted = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 0,
    maximumFractionDigits: 20,
  }).format(digits as `${number}`);
  return endless ? `${formatted}…` : formatted;
}

/**
 * An amount from the API ("140000.00") as a person edits it in `language`: French groups
 * thousands with spaces and uses a decimal comma ("140 000,00"); English stays "140000.00" (a
 * comma there would read as a decimal separator). {@link parseEuroCents} reads both back.
 * @example formatAmountInput("45276.50", "fr") // "45 276,50"
 */
export function formatAmountInput(text: string, language: string): string {
  if (language !== "fr" || parseEuroCents(text) === null) return text;
  const [whole = "", fraction] = text.split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = sign === "" ? whole : whole.slice(1);
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${sign}${grouped}${fraction === undefined ? "" : `,${fraction}`}`;
}

/**
 * A decimal as typed ("45 276,50") in the API's form ("45276.50"): spaces out, decimal comma to
 * a dot. Anything else is left as typed, for the contract's schema to reject with its message.
 */
export function toApiDecimal(text: string): string {
  return text.replace(GROUPING, "").replace(",", ".");
}

/**
 * A rate or weight from the API ("30.6") as a person edits it in `language`: a decimal comma in
 * French ("30,6"), no grouping (rates are small); English keeps the dot. toApiDecimal reads it back.
 * @example formatRateInput("30.6", "fr") // "30,6"
 */
export function formatRateInput(text: string, language: string): string {
  return language === "fr" && /^-?\d+\.\d+$/.test(text) ? text.replace(".", ",") : text;
}
