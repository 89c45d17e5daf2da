/** French strings of the digital workplace's pages (`workplace.*`). */
export const workplaceFr = {
  workplace: {
    navTitle: "Espace numérique",
    nav: { catalogue: "Catalogue de services" },
    catalogue: {
      title: "Catalogue de services",
      intro:
        "Les services que l'entente met à disposition de ses membres. Chaque entrée est un service de la fédération d'identité (son client OpenID Connect) ; les souscriptions des membres décident qui peut s'y connecter.",
      caption: "Services du catalogue ({{count}})",
      none: "Aucun service au catalogue pour l'instant.",
      logo: "Logo",
      name: "Service",
      kind: "Type",
      maturity: "Maturité",
      order: "Ordre",
      url: "Adresse",
      subscribers: "Membres abonnés",
      noSubscriber: "aucun",
      kinds: {
        video: "Visioconférence",
        chat: "Messagerie instantanée",
        files: "Fichiers",
        office: "Édition en ligne",
        elearning: "Formation en ligne",
        mail: "Messagerie",
        other: "Autre",
      },
      maturities: { alpha: "Alpha", beta: "Bêta", stable: "Stable" },
      add: "Ajouter au catalogue",
      client: "Service de la fédération d'identité",
      clientHint: "Enregistrez d'abord le service dans « Fédération d'identité › Services ».",
      noClient: "Tous les services enregistrés sont déjà au catalogue.",
      description: "Description",
      supportUrl: "Lien d'assistance (montré aux personnes refusées)",
      urlHint: "https:// ; sans identifiant ni mot de passe dans l'adresse.",
    },
  },
};
