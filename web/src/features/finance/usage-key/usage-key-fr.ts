/** French strings of the usage key page (`usageKey.*`). Every key must exist in the English piece (tsc checks it). */
export const usageKeyFr = {
  title: "Clé d'usage",
  intro:
    "La clé d'usage répartit le coût d'une mission spécifique selon les comptes ouverts ou l'usage mesuré d'un service de l'espace numérique, sur un exercice. Une fois figée, elle s'applique à partir de cet exercice et ses chiffres ne changent plus.",
  frozenTitle: "Clés d'usage figées",
  none: "Aucune clé d'usage figée pour l'instant.",
  frozenOf: "{{mission}} ({{section}}) — clé « {{key}} » à partir de {{year}}",
  sourceIs: "Source : {{source}}",
  computeTitle: "Calculer une clé d'usage",
  noMission: "L'entente n'a pas de mission spécifique : une clé d'usage ne concerne que celles-ci.",
  mission: "Mission spécifique",
  section: "Section",
  year: "Exercice",
  service: "Service de l'espace numérique",
  serviceHint:
    "Un service du catalogue ; ses comptes et son usage par membre viennent des abonnements et des rapports du service.",
  noService: "Aucun service au catalogue : ajoutez-le d'abord au catalogue de services.",
  counted: "Ce qui est compté",
  seats: "Comptes ouverts (abonnements)",
  measured: "Usage mesuré par le service",
  metric: "Métrique mesurée",
  metricHint: "Le nom que le service rapporte, par exemple storage_used",
  compute: "Calculer (aperçu, rien n'est enregistré)",
  previewOf: "Aperçu de la clé d'usage « {{key}} » en {{year}}",
  frozenNotice: "Clé figée à partir de {{year}} : les exercices précédents gardent la leur.",
  seatsColumn: "Comptes",
  measuredColumn: "Usage mesuré",
  weightColumn: "Poids",
  share: "Part",
  freeze: "Figer la clé à partir de {{year}}",
  freezeHint:
    "Figer enregistre ces chiffres comme période de la clé de la mission à partir de l'exercice ; refusé si cet exercice est déjà approuvé ou adopté.",
};
