import type { Actor } from "../../../shared/actor.ts";
import type { BudgetStatus } from "../../domain/budget-status.ts";
import type { Entente } from "../../domain/entente.ts";

/** An entente in the list of ententes. */
export interface EntenteSummary {
  readonly id: string;
  readonly name: string;
  readonly members: number;
  readonly years: readonly number[];
}

/** Whole ententes: imported from a file, loaded as the finance engine's model. */
export interface EntenteStore {
  /**
   * Stores a whole entente (members, keys, missions, exercises with a first budget version) in
   * one transaction; audited.
   * @throws EntenteError `entente.already_exists`.
   */
  importEntente(id: string, entente: Entente, actor: Actor): Promise<void>;
  /**
   * The entente as the finance engine sees it, each exercise with its budget version in force
   * (the latest adopted one; the latest one while none is adopted).
   * @throws EntenteError `entente.not_found`.
   */
  loadEntente(id: string): Promise<Entente>;
  /**
   * The stored version of entente `id`: the id of its latest audit event, as text (every change
   * of the entente, its budgets, decisions, fund calls and payments is audited in its own
   * transaction), `null` when it has none. The same stamp, the same stored data: what is computed
   * from them may be kept under it, on every node (get-dashboard-route.ts).
   */
  stamp(id: string): Promise<string | null>;
  /**
   * The entente with exercise `year` read from its version `number` (default: its latest, the
   * amending budget being drafted, approved or ratified) and every other exercise from its
   * version in force; not cached.
   * @throws EntenteError `entente.not_found`.
   */
  loadEntenteDraft(id: string, year: number, number?: number): Promise<Entente>;
  /**
   * Writes `next` over the stored entente in one transaction (entente, members, keys, missions
   * updated or added; the exercises `rule` leaves open rewritten, new ones added; nothing
   * removed), audited. `rule` runs in the transaction on the latest budget status of every
   * stored exercise and returns the years whose figures may be written; it throws to refuse.
   * @throws EntenteError `entente.not_found`, or what `rule` throws.
   */
  applyEntente(
    id: string,
    next: Entente,
    actor: Actor,
    rule: (statuses: ReadonlyMap<number, BudgetStatus>) => ReadonlySet<number>,
  ): Promise<void>;
  listEntentes(): Promise<EntenteSummary[]>;
  hasEntente(id: string): Promise<boolean>;
}
