/**
 * A format-neutral table: the budget report is turned into tables once (report-tables.ts), then
 * each renderer (text, Markdown, CSV, XLSX, ODS) draws them. Money stays exact (cents).
 */
export type Cell =
  | { readonly kind: "text"; readonly value: string }
  | { readonly kind: "money"; readonly cents: bigint; readonly signed?: boolean }
  | { readonly kind: "percent"; readonly value: string }
  /** An exact decimal in euros that is not a rounded amount (an unrounded share), `…` if endless. */
  | { readonly kind: "decimal"; readonly value: string }
  | { readonly kind: "empty" };

/** A row of a table: its cells, and how it stands out. */
export interface Row {
  readonly cells: readonly Cell[];
  /** `group` heads a block (mission name), `subtotal` and `total` close one. */
  readonly style?: "group" | "subtotal" | "total";
}

/** One deliberation table, as every renderer draws it. */
export interface Table {
  /** Stable id for `--table` and sheet names: annex, allocation, recall-2022, fund-calls… */
  readonly id: string;
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly Row[];
  /** Sentences printed under the table (rounding rule, sources). */
  readonly notes: readonly string[];
}

/** Cell builders: text, an amount in cents (`signed`: with its sign), a percent, an exact decimal, nothing. */
export const text = (value: string): Cell => ({ kind: "text", value });
export const money = (cents: bigint, signed = false): Cell => ({ kind: "money", cents, signed });
export const percent = (value: string): Cell => ({ kind: "percent", value });
export const decimal = (value: string): Cell => ({ kind: "decimal", value });
export const empty: Cell = { kind: "empty" };
