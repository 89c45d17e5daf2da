import type { domainsFr } from "./domains-fr.ts";

/** English strings of the identity domains page (`identity.domains.*`); same keys as the French piece. */
export const domainsEn: typeof domainsFr = {
  title: "Domains and addresses",
  intro:
    "At sign-in, the domain of the typed address selects the member and its source. A domain belongs to one member only.",
  domains: "Members' domains",
  domain: "Domain",
  domainHint: "e.g. town-hall.fr",
  noDomain: "No domain registered.",
  addDomain: "Add the domain",
  firstSource: "The member's first active source",
  addresses: "Registered addresses",
  addressesIntro:
    "Elected officials often sign in with a personal address: register it to lead it to their town's source, with the elected official role.",
  noAddress: "No registered address.",
  addAddress: "Register the address",
  note: "Note",
  roleFromSource: "From the source",
  noSourceOfMember: "This member has no identity source yet: add one first.",
};
