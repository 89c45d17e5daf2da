import type { settlementFr } from "./settlement-fr.ts";

/** English strings of the advances and adjustments page (`settlement.*`); same keys as the French piece. */
export const settlementEn: typeof settlementFr = {
  title: "Advances and adjustments",
  titleYear: "Advances and adjustments {{year}}",
  noExercise: "No exercise is open for this entente.",
  advanceIs:
    "An advance is an expense one member paid for all: it is shared between the members by a key, and the member who paid it is credited with it.",
  adjustmentIs:
    "An adjustment corrects the contributions directly: one signed amount per member (negative, it pays less; positive, it pays more), summing to exactly 0.",
  calledIn:
    "The {{year}} contributions are called in {{calledIn}}: these amounts are added to the {{calledIn}} fund calls.",
  budgetOf: "Budget of the exercise:",
  editHint:
    "Edit the advances and the adjustments, then save them together; the sum of each adjustment is recomputed as you type.",
  wholeEuros: "The entente rounds shares to the euro: amounts are in whole euros.",
  readOnly:
    "Read only: only the conference secretariat edits the advances and adjustments, as it does the budget.",
  notDraft:
    "The {{year}} budget is no longer a draft (status: {{status}}): its advances and adjustments cannot be changed, since the contributions were settled on these amounts.",
  noBudget: "This exercise has no budget: its advances and adjustments cannot be changed.",
  id: "Identifier",
  idIs: "Identifier: {{id}}",
  label: "Label",
  amount: "Amount (€)",
  advances: "Advances",
  advancesCaption_one: "Advances {{year}} — {{count}} advance",
  advancesCaption_other: "Advances {{year}} — {{count}} advances",
  noAdvances: "No advance for this exercise.",
  payer: "Member who paid",
  key: "Allocation key",
  advanceCell: "{{column}}, advance {{n}}",
  advanceN: "advance {{n}} {{label}}",
  addAdvance: "Add an advance",
  remove: "Remove",
  notAnAmount: "A positive amount in euros is expected, for example 70140.",
  adjustments: "Adjustments",
  noAdjustments: "No adjustment for this exercise.",
  adjustmentTitle: "Adjustment {{n}}",
  adjustmentTitleLabel: "Adjustment {{n}} — {{label}}",
  adjustmentCell: "{{column}}, adjustment {{n}}",
  amountsCaption: "Amounts of adjustment {{n}} by member (in €, signed)",
  amountFor: "{{member}}, adjustment {{n}} (€)",
  signedHint:
    "Negative: the member pays less; positive: it pays more. Leave a member that is not concerned empty.",
  notASignedAmount: "A signed amount in euros is expected, for example -100 or +100.",
  sum: "Sum",
  sumOk: "Adjustment {{n}}: sum {{sum}}, exactly 0 — it can be saved.",
  sumOff: "Adjustment {{n}}: sum {{sum}} instead of 0 — what one member receives, the others pay.",
  sumEmpty: "Adjustment {{n}}: enter the amounts; they must sum to exactly 0.",
  sumInvalid_one: "Adjustment {{n}}: {{count}} unreadable amount, fix it to compute the sum.",
  sumInvalid_other: "Adjustment {{n}}: {{count}} unreadable amounts, fix them to compute the sum.",
  addAdjustment: "Add an adjustment",
  removeAdjustment: "Remove adjustment {{n}}",
  save: "Save the advances and adjustments",
  saved: "Advances and adjustments saved.",
  unsaved: "Unsaved changes",
  blocked_one: "Cannot save: adjustment {{list}} does not sum to exactly 0.",
  blocked_other: "Cannot save: adjustments {{list}} do not sum to exactly 0.",
};
