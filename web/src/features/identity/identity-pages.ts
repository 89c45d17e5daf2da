/** The identity federation's pages, in the navigation's order (/ententes/:id/identity/<page>). */
export const IDENTITY_PAGES = [
  "sources",
  "domains",
  "services",
  "resource-servers",
  "persons",
  "events",
] as const;
/** One page of the identity federation's administration. */
export type IdentityPage = (typeof IDENTITY_PAGES)[number];
