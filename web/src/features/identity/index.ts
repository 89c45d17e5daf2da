/**
 * The door of the console's identity feature (src/identity on the server: the « Fédération
 * d'identité » administration): its pages and its group of the entente's navigation. The app
 * imports identity through this file only.
 */
export { IdentityDomainsPage } from "./domains/identity-domains-page.tsx";
export { IdentityEventsPage } from "./events/identity-events-page.tsx";
export { identityEn } from "./identity-en.ts";
export { identityFr } from "./identity-fr.ts";
export { IdentityNav } from "./identity-nav.tsx";
export { IdentityPersonsPage } from "./persons/identity-persons-page.tsx";
export { IdentityResourceServersPage } from "./resource-servers/identity-resource-servers-page.tsx";
export { IdentityServicesPage } from "./services/identity-services-page.tsx";
export { IdentitySourcesPage } from "./sources/identity-sources-page.tsx";
