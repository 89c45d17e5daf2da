/**
 * Money and rates as people type them in the console's forms, and as the API writes them.
 * Amounts travel as euro strings with at most two decimals ("45276.50"), rates as percent strings
 * with at most four ("30.6"); a typed value is read into BigInt units (cents, ten-thousandths of a
 * percent), never a JS number, so 0.1 + 0.2 is 0.3 and a sum of 20-digit amounts stays exact.
 *
 * Pure BigInt on purpose: the console imports this file, and `money.ts` would bring decimal.js
 * into the browser bundle. `centsToEuroText` here writes what `money.ts`'s
 * `centsToEuroText(cents, "cent")` writes.
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

/**
 * Exact decimal text of an amount in euros: two decimals (the API's form: 4527650n → "45276.50"),
 * or none when `unit` is `"euro"` and the amount is whole (`305797`, `-32966`). For JSON and CSV.
 */
export function centsToEuroText(cents: bigint, unit: "euro" | "cent" = "cent"): string {
  return unit === "euro" && cents % 100n === 0n ? formatScaled(cents / 100n, 0) : formatScaled(cents, 2);
}

/**
 * A signed amount as typed in an adjustment ("-100", "−100", "+100", "1 250,50") → cents, or
 * null when it is not an amount. A leading "+" is accepted: people write it to say "pays more".
 * @example parseSignedEuroCents("+100") // 10000n
 */
export function parseSignedEuroCents(text: string): bigint | null {
  return parseEuroCents(text.trim().replace(/^\+(?![-\u2212])/, ""));
}

/**
 * A typed signed amount in the API's form: the canonical "−100" → "-100.00" when it reads as an
 * amount, otherwise left as typed (for the contract's schema to reject with its message).
 */
export function toApiAmount(text: string): string {
  const cents = parseSignedEuroCents(text);
  return cents === null ? text.trim() : centsToEuroText(cents);
}

/** Percent text ("30,6") → ten-thousandths of a percent (306000n); 100 % is `HUNDRED_PERCENT` (percent-shares.ts). */
export function parsePercentUnits(text: string): bigint | null {
  return parseScaled(text, 4);
}

/** Ten-thousandths of a percent → percent text without trailing zeros: 306000n → "30.6". */
export function percentUnitsToText(units: bigint): string {
  return formatScaled(units, 4, true);
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
