/** French strings of the console's frame and generic pieces (app, layout, actions, common, errors, charts, not found). Every key must exist in the English piece (tsc checks it). */
export const commonFr = {
  app: {
    name: "Entente",
    tagline: "Services numériques partagés d'une entente intercommunale",
  },
  layout: {
    skipToContent: "Aller au contenu",
    mainNav: "Navigation principale",
    signOut: "Se déconnecter",
    footer: "Entente — logiciel libre (AGPL-3.0) pour les ententes intercommunales (CGCT L5221-1).",
  },
  actions: { save: "Enregistrer", cancel: "Annuler", reload: "Recharger" },
  common: {
    unsavedLeave: "Des modifications ne sont pas enregistrées. Quitter cette page et les perdre ?",
    loading: "Chargement…",
    saving: "Enregistrement…",
    saved: "Modifications enregistrées.",
    exercise: "Exercice",
    general: "Général (hors mission)",
    member: "Membre",
    mission: "Mission",
    rate: "Taux",
    total: "Total",
    totalEntente: "Total entente",
    actions: "Actions",
  },
  errors: {
    title: "La demande n'a pas abouti",
    checkFields: "Vérifiez les champs signalés ci-dessous.",
    network: "Le serveur ne répond pas. Vérifiez votre connexion, puis réessayez.",
    invalidResponse:
      "La réponse du serveur ne correspond pas au contrat de l'API ({{detail}}). Signalez-le à l'équipe technique.",
    forbidden: "Votre rôle ne permet pas cette action.",
    notFound: "Cet élément n'existe pas (ou plus).",
    unknown: "Erreur inattendue (HTTP {{status}}). Réessayez ; si elle persiste, signalez-la.",
    staleTitle: "Modifié entre-temps",
    stale:
      "Modifié par quelqu'un d'autre entre-temps, rechargez pour voir la dernière version (vos saisies non enregistrées seront perdues).",
    fixFields: "Rien n'a été enregistré : corrigez les points suivants.",
    amountInput:
      "Montant en euros attendu : au plus {{digits}} chiffres avant la virgule ({{max}} € au plus) et 2 après, par exemple {{whole}} ou {{withCents}}.",
  },
  charts: {
    seeTable: "(données détaillées dans le tableau ci-dessous)",
    alternative: "Graphique en barres ; les mêmes montants figurent dans le tableau qui suit.",
  },
  notFound: {
    title: "Page introuvable",
    text: "Cette adresse ne correspond à aucune page de la console.",
    home: "Retour à l'accueil",
  },
};
