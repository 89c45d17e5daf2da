import type { Actor } from "../../../shared/actor.ts";
import type { BudgetStatus } from "../../domain/budget-status.ts";
import type { InTransactionRule } from "./in-transaction-rule.ts";

/** A line of a budget version (amount in cents). */
export interface BudgetLineRecord {
  readonly missionId: string | null;
  readonly label: string;
  readonly section: "investissement" | "fonctionnement";
  readonly direction: "expense" | "receipt";
  readonly receiptKind: "carry-over" | "depreciation" | "grant" | "contribution" | "other" | null;
  readonly amountCents: bigint;
  readonly nature: string | null;
}

/** A version of an exercise's budget: the budget primitif (1), then each décision modificative. */
export interface BudgetVersionRecord {
  readonly id: string;
  readonly year: number;
  readonly number: number;
  readonly label: string;
  readonly status: BudgetStatus;
  readonly rowVersion: number;
  readonly lines: readonly BudgetLineRecord[];
}

/** A budget version without its lines (the list of versions). */
export type BudgetVersionSummary = Omit<BudgetVersionRecord, "lines">;

/** A new exercise as the use case's rule plans it: its year, call year and first draft's lines. */
export interface ExerciseOpening {
  readonly year: number;
  readonly calledIn: number;
  readonly lines: readonly BudgetLineRecord[];
}

/** The budgets of an entente's exercises. Writes are transactional and audited. */
export interface BudgetStore {
  /** Every version of every exercise, by year then number. */
  listVersions(ententeId: string): Promise<BudgetVersionSummary[]>;
  /** The latest budget version of the exercise, or null when the exercise does not exist. */
  latest(ententeId: string, year: number): Promise<BudgetVersionRecord | null>;
  /**
   * The version in force (what everyone reads while an amending budget is prepared): the latest
   * adopted one, or the latest one while none is adopted; null when the exercise does not exist.
   */
  inForce(ententeId: string, year: number): Promise<BudgetVersionRecord | null>;
  /** Version `number` of the exercise with its lines, or null. */
  version(ententeId: string, year: number, number: number): Promise<BudgetVersionRecord | null>;
  /**
   * Opens the next version of the exercise's budget, a copy of the latest one's lines; `plan`
   * runs in the transaction on the latest version and gives the new version's number and label.
   * @throws EntenteError `resource.not_found` (the exercise), or what `plan` throws.
   */
  openAmending(
    ententeId: string,
    year: number,
    actor: Actor,
    plan: InTransactionRule<BudgetVersionRecord, { readonly number: number; readonly label: string }>,
  ): Promise<BudgetVersionRecord>;
  /**
   * Opens a new exercise from exercise `from` (N): `plan` runs in the transaction on N's latest
   * version and the years that exist, and gives the new exercise, whose budget primitif is
   * stored as a draft with the planned lines. N is not changed.
   * @throws EntenteError `resource.not_found` (exercise `from`), or what `plan` throws.
   */
  openExercise(
    ententeId: string,
    from: number,
    actor: Actor,
    plan: InTransactionRule<
      { readonly previous: BudgetVersionRecord; readonly years: readonly number[] },
      ExerciseOpening
    >,
  ): Promise<BudgetVersionRecord>;
  /**
   * Replaces the lines of the exercise's latest version, made from version `rowVersion`; `rule`
   * runs in the transaction on that version as stored, before the write.
   * @throws EntenteError `resource.not_found` (the exercise), `conflict.stale_version`, or what `rule` throws.
   */
  replaceLines(
    ententeId: string,
    year: number,
    lines: readonly BudgetLineRecord[],
    rowVersion: number,
    actor: Actor,
    rule: InTransactionRule<BudgetVersionRecord>,
  ): Promise<BudgetVersionRecord>;
}
