/**
 * A business rule that a use case hands to a store: the store runs it inside its write
 * transaction, on the rows it has just read there, before it writes; the rule throws to refuse
 * the change (or returns what the write needs, such as the next version's number).
 *
 * Why a callback rather than a condition in the guarded write (`WHERE row_version = …`, or a
 * status in the WHERE): several rules read rows that the write does not update, or that carry
 * no version — the other ratifications of a decision (adoption, CGCT L5221-2), the fund calls
 * already issued (once per year), the payments already received on a call, the latest budget
 * version that an amending budget copies. A WHERE cannot say "none issued yet" nor "every member
 * ratified"; one mechanism serves every rule, and a refusal keeps its own error code instead of
 * becoming a stale version. How nothing slips between the check and the write:
 * - a rule on the row being updated (a draft's status, a key's basis) sees it as read in the
 *   transaction, and the guarded write refuses it if it changed since (`conflict.stale_version`;
 *   every status change moves the row's version);
 * - a rule on other rows sees them as the write's transaction reads them, exactly as when the
 *   store held the rule itself: a change committed before is seen; the inserts are backed by
 *   unique constraints (one fund call per member and year, one budget version per number). At
 *   PostgreSQL's default isolation (read committed) two last ratifications saved at the same
 *   instant could each still see the other pending — unchanged by moving the rule out of the
 *   store.
 * The rules stay pure functions of the domain; the stores only load and store, and throw
 * nothing of their own but `resource.not_found`, `conflict.stale_version` and database faults.
 */
export type InTransactionRule<T, R = void> = (current: T) => R;
