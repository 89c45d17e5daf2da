import { domainsFr } from "./domains/domains-fr.ts";
import { eventsFr } from "./events/events-fr.ts";
import { personsFr } from "./persons/persons-fr.ts";
import { resourceServersFr } from "./resource-servers/resource-servers-fr.ts";
import { servicesFr } from "./services/services-fr.ts";
import { sourcesFr } from "./sources/sources-fr.ts";

/** French strings of the identity federation's pages (`identity.*`), one piece per page. */
export const identityFr = {
  identity: {
    navTitle: "Fédération d'identité",
    nav: {
      sources: "Sources d'identité",
      domains: "Domaines et adresses",
      services: "Services",
      "resource-servers": "Serveurs de ressources",
      persons: "Personnes",
      events: "Journal des connexions",
    },
    member: "Membre",
    source: "Source",
    role: "Rôle",
    email: "Adresse électronique",
    actions: "Actions",
    edit: "Modifier",
    remove: "Retirer",
    removeNamed: "Retirer {{name}}",
    previous: "Précédents",
    next: "Suivants",
    roles: { agent: "Agent", elu: "Élu" },
    form: {
      problemOf: "{{label}} : {{message}}",
      line: "{{label}}, ligne {{line}}",
      code: "Code à citer au support :",
    },
    kinds: {
      ldap: "LDAP / Active Directory",
      oidc: "OpenID Connect",
      saml: "SAML 2.0",
      local: "Comptes locaux de l'entente",
    },
    sources: sourcesFr,
    domains: domainsFr,
    services: servicesFr,
    resourceServers: resourceServersFr,
    persons: personsFr,
    events: eventsFr,
  },
};
