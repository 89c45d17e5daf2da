import type { simulatorFr } from "./simulator-fr.ts";

/** English strings of the key simulator (`simulator.*`); same keys as the French piece. */
export const simulatorEn: typeof simulatorFr = {
  title: "Key simulator",
  intro:
    "Compare each member's contribution to an exercise under other keys — fixed rates, population, usage, another key — with a member leaving or a commune joining. Nothing is saved.",
  forbidden: "The simulator reads draft budgets: it is for the entente's secretariat only.",
  key: "Simulated key",
  alternativeN: "Alternative {{n}}",
  label: "Alternative's title",
  kind: "Basis of the alternative",
  weights: "Weights (population, usage…)",
  basedOn: "Another key of the entente",
  otherKey: "Key used",
  rateOf: "Rate of {{name}} (in %)",
  weightOf: "Weight of {{name}} (population, usage…)",
  leaves: "{{name}} leaves the entente before the exercise",
  newcomerName: "Name of hypothetical commune {{n}}",
  newcomerN: "hypothetical commune {{n}}",
  addNewcomer: "Add a commune joining",
  remove: "Remove this alternative",
  addAlternative: "Add an alternative",
  compare: "Compare",
  computing: "Computing…",
  resultTitle: "{{year}} contributions compared",
  resultCaption: "Each member's contribution to exercise {{year}}, current key then each alternative",
  nothingSaved: "Simulation: nothing is saved. Each column adds up exactly to the exercise's contributions.",
  total: "Total",
  downloadCsv: "Download the comparison (CSV)",
};
