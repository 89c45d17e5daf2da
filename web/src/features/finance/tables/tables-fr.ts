/** French strings of the report's tables page (`tables.*`). Every key must exist in the English piece (tsc checks it). */
export const tablesFr = {
  title: "Tableaux",
  titleYear: "Tableaux {{year}}",
  downloads: "Télécharger le document complet",
  format: {
    xlsx: "Classeur XLSX {{year}}",
    ods: "Classeur ODS {{year}}",
    csv: "Tableaux CSV {{year}}",
    pdf: "Document PDF {{year}}",
    md: "Texte Markdown {{year}}",
  },
  formatMeta: {
    xlsx: "tableur Excel",
    ods: "tableur LibreOffice, format ouvert",
    csv: "valeurs séparées par des virgules",
    pdf: "pour l'impression et l'annexe",
    md: "texte brut structuré",
  },
  notProducible:
    "Le budget {{year}} enfreint encore une règle (par exemple un brouillon dont les sections ne sont pas équilibrées) : les tableaux ne peuvent pas encore être produits ni téléchargés.",
  notProducibleFix: "Corrigez le budget {{year}}, puis revenez sur cette page :",
  downloadsUnavailable: "Téléchargements indisponibles tant que le budget enfreint une règle.",
  allocation: "Répartition des contributions",
  allocationCaption: "Répartition des contributions {{year}} — clé « {{key}} », {{section}} :",
  noAllocation: "Aucune contribution à répartir en {{year}}.",
  exactShare: "Part exacte (€)",
  contribution: "Contribution (€)",
  roundingRule:
    "Règle d'arrondi : chaque part est calculée exactement puis arrondie {{unit}} par la méthode du plus fort reste (Hamilton) ; à égalité, dans l'ordre des membres ({{order}}). La somme des parts est exactement égale au montant réparti.",
  toEuro: "à l'euro",
  toCent: "au centime",
  recalls: "Rappels des exercices antérieurs",
  noRecall: "Aucun exercice antérieur n'est appelé cette année.",
  recallCaption: "Contributions {{year}} appelées en {{calledIn}}, avances et régularisations (en €)",
  partners: "Partenaires",
  contributionOf: "Contribution {{year}}",
  adjustedOf: "Contribution {{year}} ajustée",
  advanceNote:
    "« {{label}} » : avance de {{member}}, répartie selon la clé « {{key}} » ; le membre qui a avancé est crédité de son avance. Montant avancé :",
  fundCalls: "Appels de fonds {{year}} par membre",
  calledLater:
    "Les contributions {{year}} seront appelées en {{calledIn}} (rappel) : rien n'est appelé en {{year}}.",
};
