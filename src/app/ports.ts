import type { Entente } from "../domain/entente.ts";

/**
 * What the use cases need from the outside world. `src/db` implements the stores;
 * `src/main.ts` picks the concrete adapters. Fakes in tests implement the same interfaces.
 */

/** Who acts: recorded in the audit trail. */
export interface Actor {
  readonly id: string;
  readonly label: string;
}

export interface EntenteSummary {
  readonly id: string;
  readonly name: string;
  readonly members: number;
  readonly years: readonly number[];
}

/** Budget status (budget primitif / décision modificative), CGCT L5221-2 for `adopted`. */
export type BudgetStatus = "draft" | "approved" | "ratifying" | "adopted";

export interface EntenteStore {
  /** Stores a whole entente (members, keys, missions, exercises with a first budget version) in one transaction. */
  importEntente(id: string, entente: Entente, actor: Actor): Promise<void>;
  /** The entente as the finance engine sees it, each exercise with its latest budget version. */
  loadEntente(id: string): Promise<Entente>;
  listEntentes(): Promise<EntenteSummary[]>;
  hasEntente(id: string): Promise<boolean>;
}

export interface Clock {
  now(): Date;
}
