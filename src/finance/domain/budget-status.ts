import { type Localized, localized } from "../errors.ts";

/** Status of a budget version: draft → approved by the conference → ratifying → adopted (CGCT L5221-2). */
export type BudgetStatusName = "draft" | "approved" | "ratifying" | "adopted";

const LABELS: Record<BudgetStatusName, Localized> = {
  draft: localized("en brouillon", "a draft"),
  approved: localized("approuvé par la conférence", "approved by the conference"),
  ratifying: localized("en cours de ratification par les membres", "being ratified by the members"),
  adopted: localized("adopté", "adopted"),
};

/** The status as a person reads it in a message (« est en cours de ratification… »). */
export function budgetStatusLabel(status: BudgetStatusName): Localized {
  return LABELS[status];
}
