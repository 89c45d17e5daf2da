import type { Cents } from "../../shared/money.ts";
import type { Entente } from "./entente.ts";
import type { ExactShares } from "./exact-shares.ts";

/** What the steps of one report computation share (built by `computeBudgetReport`). */
export interface ReportContext {
  readonly entente: Entente;
  /** The exact shares of a key, resolved once per computation. */
  readonly sharesOf: (keyId: string) => ExactShares;
  /** Splits `total` cents by `shares` at the entente's rounding unit; the parts sum exactly to it. */
  readonly split: (total: Cents, shares: ExactShares) => Cents[];
}
