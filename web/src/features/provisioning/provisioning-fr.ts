/** French strings of the provisioning pages (`provisioning.*`). */
export const provisioningFr = {
  provisioning: {
    navTitle: "Comptes",
    nav: { mail: "Migration de la messagerie" },
    mail: {
      title: "Migration de la messagerie",
      intro:
        "Pour chaque membre : sa vague de migration, les comptes prévus (les personnes actives de son annuaire), les boîtes créées à l'avance et les premières connexions.",
      caption: "Avancement par membre ({{count}})",
      none: "Aucun membre n'a encore de personnes servies par un connecteur de messagerie.",
      member: "Membre",
      wave: "Vague",
      plannedStart: "Début prévu",
      daysToStart: "Jours restants",
      planned: "Comptes prévus",
      created: "Boîtes créées",
      signedIn: "Premières connexions",
      stage: "Étape",
      domains: "Domaines",
      storageUsed: "Espace utilisé",
      unknown: "inconnu",
      mebibytes: "{{value}} Mio",
      noWave: "aucune",
      stages: {
        planned: "Prévue",
        created: "Boîtes créées",
        "first-sign-in": "Premières connexions",
        done: "Terminée",
      },
    },
  },
};
