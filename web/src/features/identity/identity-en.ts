import { domainsEn } from "./domains/domains-en.ts";
import { eventsEn } from "./events/events-en.ts";
import type { identityFr } from "./identity-fr.ts";
import { personsEn } from "./persons/persons-en.ts";
import { resourceServersEn } from "./resource-servers/resource-servers-en.ts";
import { servicesEn } from "./services/services-en.ts";
import { sourcesEn } from "./sources/sources-en.ts";

/** English strings of the identity federation's pages; same keys as the French. */
export const identityEn: typeof identityFr = {
  identity: {
    navTitle: "Identity federation",
    nav: {
      sources: "Identity sources",
      domains: "Domains and addresses",
      services: "Services",
      "resource-servers": "Resource servers",
      persons: "Persons",
      events: "Sign-in log",
    },
    member: "Member",
    source: "Source",
    role: "Role",
    email: "Email address",
    actions: "Actions",
    edit: "Edit",
    remove: "Remove",
    removeNamed: "Remove {{name}}",
    previous: "Previous",
    next: "Next",
    roles: { agent: "Agent", elu: "Elected official" },
    form: {
      problemOf: "{{label}}: {{message}}",
      line: "{{label}}, line {{line}}",
      code: "Code to quote to support:",
    },
    kinds: {
      ldap: "LDAP / Active Directory",
      oidc: "OpenID Connect",
      saml: "SAML 2.0",
      local: "The entente's local accounts",
    },
    sources: sourcesEn,
    domains: domainsEn,
    services: servicesEn,
    resourceServers: resourceServersEn,
    persons: personsEn,
    events: eventsEn,
  },
};
