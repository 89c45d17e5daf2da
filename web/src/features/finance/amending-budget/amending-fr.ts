/** French strings of the amending budget page (décision modificative). */
export const amendingFr = {
  title: "Décision modificative",
  titleYear: "Décision modificative {{year}}",
  intro:
    "Tant que la décision modificative n'est pas adoptée par tous les membres, chacun continue de voir le budget adopté (tableau de bord, budget, documents). Cette page montre le projet à côté du budget adopté.",
  versions: "{{amended}} ({{status}}) comparée à {{adopted}}",
  editLines: "Modifier les lignes de la décision modificative",
  adoptHint:
    "Pour l'adopter : page Décisions, une décision de la conférence sur le budget {{year}}, puis la délibération (numéro et date) de chaque membre.",
  linesCaption: "Lignes du budget {{year}} : adopté, modifié et écart",
  line: "Ligne",
  section: "Section",
  direction: "Sens",
  expense: "Dépense",
  receipt: "Recette",
  adopted: "Adopté (€)",
  amended: "Modifié (€)",
  delta: "Écart (€)",
  unchanged: "Aucune ligne n'est modifiée pour l'instant.",
  membersCaption: "Contribution de chaque membre, appels de {{year}} : adoptée, modifiée et écart",
  membersHint:
    "Chaque montant est arrondi par la méthode du plus fort reste : la somme des écarts est exactement l'écart du montant à financer.",
  issueTitle: "Émettre les titres complémentaires et réductions",
  issueHint:
    "Les appels de fonds déjà émis ne sont jamais modifiés : un écart positif donne un titre complémentaire, un écart négatif une réduction du titre (le trop-perçu éventuel est remboursé au membre).",
  issue: "Émettre les titres de la décision modificative",
  issued: "Titres émis : {{count}}.",
  complementary: "Titre complémentaire",
  reduction: "Réduction de titre",
  reference: "Référence",
  kind: "Nature",
  amount: "Montant (€)",
  deliberations: "Projets de délibération des membres sur la décision modificative",
  deliberationsHint:
    "Pour chaque assemblée : ce que la décision modificative change, la contribution complémentaire ou la réduction du membre, et le chapitre à imputer.",
  deliberationOdt: "{{member}} — ODT",
  deliberationPdf: "{{member}} — PDF",
  pendingNotice:
    "Une décision modificative {{year}} adoptée attend l'émission de ses titres complémentaires et réductions : <amount></amount> en tout. « Appelé » montre ce qui est émis ; <page>émettre les titres</page>.",
};
