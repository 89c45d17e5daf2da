/**
 * Characters that make a spreadsheet read a CSV cell as a formula (OWASP, "CSV Injection"):
 * `=`, `+`, `-`, `@`, tab and carriage return.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell of a CSV export made inert: a value that a spreadsheet would run as a formula (a
 * member named `=HYPERLINK("http://…")`) is prefixed with a single quote, which spreadsheets
 * show as text — OWASP's recommendation for CSV injection. Amounts are not text cells: a negative
 * adjustment stays `-32966`, a number.
 * @example neutraliseFormula('=HYPERLINK("x")') // `'=HYPERLINK("x")`
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
