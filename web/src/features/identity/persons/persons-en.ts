import type { personsFr } from "./persons-fr.ts";

/** English strings of the identity persons page (`identity.persons.*`); same keys as the French piece. */
export const personsEn: typeof personsFr = {
  title: "Persons",
  intro:
    "The pivot directory: each person keeps the same identifier, even when their source renames its attributes. A person may act for several members.",
  search: "Search",
  searchHint: "Name, given name, address or identifier",
  searchButton: "Search",
  none: "No person found.",
  caption: "Persons {{from}} to {{to}} of {{total}}",
  name: "Name",
  organisations: "Organisations",
  show: "Show",
  showNamed: "Show {{name}}",
  pages: "Pages of the directory",
  born: "born {{name}}",
  sub: "Pivot identifier",
  groups: "Groups",
  origin: "Origin",
  fromSource: "Identity source",
  declaredBy: "Declared by {{who}}",
  lastSeen: "Last sign-in",
  links: "Accounts at the sources",
  declare: "Declare an organisation",
  declareHint: "For an agent shared by several towns: they will choose whom they act for.",
  emailHint: "Empty: the address of their last sign-in.",
};
