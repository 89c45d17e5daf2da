/** French strings of the members page (`members.*`). Every key must exist in the English piece (tsc checks it). */
export const membersFr = {
  title: "Membres",
  caption_one: "{{count}} membre de l'entente",
  caption_other: "{{count}} membres de l'entente",
  name: "Nom",
  kind: "Nature",
  siren: "SIREN",
  siret: "SIRET",
  sirenHint: "9 chiffres, sans espace",
  siretHint: "14 chiffres, sans espace",
  assembly: "Assemblée délibérante",
  assemblyHint: "Par exemple : Conseil de la Métropole",
  budgetHolder: "porte le budget annexe",
  readOnly: "Consultation seule : votre rôle ne permet pas de modifier ce membre.",
  formLegend: "Fiche de {{name}}",
  unknown: "Aucun membre « {{id}} » dans cette entente.",
};
