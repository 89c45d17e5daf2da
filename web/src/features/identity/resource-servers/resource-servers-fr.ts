/** French strings of the resource servers page (`identity.resourceServers.*`). Every key must exist in the English piece (tsc checks it). */
export const resourceServersFr = {
  title: "Serveurs de ressources",
  intro:
    "La messagerie, un service de fichiers, une API qui acceptent les jetons d'accès de la fédération. Un service demande un jeton pour l'un d'eux en le désignant par son audience (indicateur de ressource) ; le serveur vérifie lui-même un jeton JWT avec les clés publiques, ou un jeton opaque par introspection.",
  none: "Aucun serveur de ressources enregistré.",
  name: "Nom",
  audience: "Audience",
  audienceHint: "URI https:// exacte, sans « ? » ni « # » ; ex. https://messagerie.lyon.fr/",
  scopes: "Scopes",
  scopesHint: "séparés par des espaces ou des virgules ; ex. mail",
  format: "Format des jetons",
  formats: { jwt: "JWT (RFC 9068), vérifié par le serveur", opaque: "Opaque, vérifié par introspection" },
  jwtType: "Type des JWT",
  jwtTypes: { "at+jwt": "at+jwt (RFC 9068)", JWT: "JWT (Dovecot 2.3)" },
  ttl: "Durée des jetons (secondes)",
  ttlHint: "de 60 à 600",
  add: "Enregistrer le serveur",
  enabled: "Actif",
  disabled: "Désactivé",
  state: "État",
};
