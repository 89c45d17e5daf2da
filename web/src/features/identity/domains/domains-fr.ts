/** French strings of the identity domains page (`identity.domains.*`). Every key must exist in the English piece (tsc checks it). */
export const domainsFr = {
  title: "Domaines et adresses",
  intro:
    "À la connexion, le domaine de l'adresse saisie désigne le membre et sa source. Un domaine appartient à un seul membre.",
  domains: "Domaines des membres",
  domain: "Domaine",
  domainHint: "ex. mairie-commune.fr",
  noDomain: "Aucun domaine enregistré.",
  addDomain: "Ajouter le domaine",
  firstSource: "Première source active du membre",
  addresses: "Adresses enregistrées",
  addressesIntro:
    "Les élus se connectent souvent avec une adresse personnelle : enregistrez-la pour la mener à la source de leur commune, avec le rôle d'élu.",
  noAddress: "Aucune adresse enregistrée.",
  addAddress: "Enregistrer l'adresse",
  note: "Note",
  roleFromSource: "Selon la source",
  noSourceOfMember: "Ce membre n'a pas encore de source d'identité : ajoutez-en une d'abord.",
};
