import { type Localized, localized } from "../errors.ts";

/**
 * Status of a budget version (budget primitif or décision modificative): a draft, approved by
 * the conference, being ratified by the members, adopted once every member ratified (CGCT
 * L5221-2). See budget-lifecycle.ts for what each status allows.
 */
export type BudgetStatus = "draft" | "approved" | "ratifying" | "adopted";

const LABELS: Record<BudgetStatus, Localized> = {
  draft: localized("en brouillon", "a draft"),
  approved: localized("approuvé par la conférence", "approved by the conference"),
  ratifying: localized("en cours de ratification par les membres", "being ratified by the members"),
  adopted: localized("adopté", "adopted"),
};

/** The status as a person reads it in a message (« est en cours de ratification… »). */
export function budgetStatusLabel(status: BudgetStatus): Localized {
  return LABELS[status];
}
