import type { ReceiptKind } from "../domain/entente.ts";

/** French labels of receipt kinds, used when a receipt line has no label of its own. */
export const RECEIPT_LABELS: Record<ReceiptKind, string> = {
  "carry-over": "Report",
  depreciation: "Amortissements",
  grant: "Subvention",
  contribution: "Contribution des membres de l'entente",
  other: "Autres recettes",
};
