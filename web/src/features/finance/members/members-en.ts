import type { membersFr } from "./members-fr.ts";

/** English strings of the members page (`members.*`); same keys as the French piece. */
export const membersEn: typeof membersFr = {
  title: "Members",
  caption_one: "{{count}} member of the entente",
  caption_other: "{{count}} members of the entente",
  name: "Name",
  kind: "Kind",
  siren: "SIREN",
  siret: "SIRET",
  sirenHint: "9 digits, no spaces",
  siretHint: "14 digits, no spaces",
  assembly: "Deliberative assembly",
  assemblyHint: "For example: Conseil de la Métropole",
  budgetHolder: "holds the budget annex",
  readOnly: "Read only: your role does not allow changing this member.",
  formLegend: "Record of {{name}}",
  unknown: "No member “{{id}}” in this entente.",
};
