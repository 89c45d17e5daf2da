import { EntenteError, localized } from "../errors.ts";
import type { ReceiptKind, Section } from "./entente.ts";

/** What the rules read of a line of the console's budget. */
export interface BudgetLineInput {
  readonly missionId: string | null;
  readonly section: Section;
  readonly direction: "expense" | "receipt";
  readonly receiptKind: ReceiptKind | null;
}

/**
 * The lines of a draft budget: each names a mission of the entente (or none, for general lines)
 * and each receipt has a kind. A draft may be out of balance (the console shows it). The first
 * problem is thrown, at its line.
 * @throws EntenteError `entente.unknown_reference` (missionId) or `file.invalid_field` (receiptKind).
 */
export function assertBudgetLines(lines: readonly BudgetLineInput[], missions: ReadonlySet<string>): void {
  lines.forEach((line, index) => {
    if (line.missionId !== null && !missions.has(line.missionId)) {
      throw new EntenteError(
        "entente.unknown_reference",
        { what: localized("mission", "mission"), id: line.missionId, known: [...missions].join(", ") },
        { path: ["lines", index, "missionId"] },
      );
    }
    if (line.direction === "receipt" && line.receiptKind === null) {
      throw new EntenteError(
        "file.invalid_field",
        {
          field: "receiptKind",
          expected: localized(
            "une recette a une nature (report, subvention, contribution…)",
            "a receipt needs a kind (carry-over, grant, contribution…)",
          ),
        },
        { path: ["lines", index, "receiptKind"] },
      );
    }
  });
}
