/**
 * A business rule that a use case hands to a store: the store runs it inside its write
 * transaction, on the rows it has just read there, before it writes; the rule throws to refuse
 * the change (or returns what the write needs, such as the next version's number).
 *
 * Why a callback rather than only a condition in the guarded write (`WHERE row_version = …`):
 * several rules read rows that the write does not update, or that carry no version — the other
 * ratifications of a decision (adoption, CGCT L5221-2), the fund calls already issued (once per
 * year), the latest budget version that an amending budget copies, the status of the draft whose
 * lines are replaced. A version in the WHERE cannot express "none issued yet" nor "every member
 * ratified". Run in the transaction, the rule sees what the write changes: a concurrent change
 * either committed before (the rule sees it), or makes the guarded write find no row
 * (`conflict.stale_version`), or, for inserts, breaks a unique constraint (one fund call per
 * member and year, one budget version per number). The rules stay pure functions of the domain;
 * the stores only load and store, and throw nothing of their own but `resource.not_found`,
 * `conflict.stale_version` and database faults.
 */
export type InTransactionRule<T, R = void> = (current: T) => R;
