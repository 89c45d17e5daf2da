import { amendingFr } from "./amending-budget/amending-fr.ts";
import { auditFr } from "./audit/audit-fr.ts";
import { budgetFr } from "./budget/budget-fr.ts";
import { dashboardFr } from "./dashboard/dashboard-fr.ts";
import { decisionsFr } from "./decisions/decisions-fr.ts";
import { fundCallsFr } from "./fund-calls/fund-calls-fr.ts";
import { keysFr } from "./keys/keys-fr.ts";
import { membersFr } from "./members/members-fr.ts";
import { missionsFr } from "./missions/missions-fr.ts";
import { planFr } from "./missions/plan-fr.ts";
import { settlementFr } from "./settlement/settlement-fr.ts";
import { simulatorFr } from "./simulator/simulator-fr.ts";
import { tablesFr } from "./tables/tables-fr.ts";
import { usageKeyFr } from "./usage-key/usage-key-fr.ts";

/**
 * French strings of governance and finance: the entente's navigation, the vocabulary its pages
 * share (sections, statuses, kinds), and one piece per page. Terms follow the glossary of DESIGN.md.
 */
export const financeFr = {
  nav: {
    dashboard: "Tableau de bord",
    members: "Membres",
    keys: "Clés de répartition",
    missions: "Missions",
    budget: "Budget",
    settlement: "Avances et régularisations",
    tables: "Tableaux",
    decisions: "Décisions",
    fundCalls: "Appels de fonds",
    audit: "Journal",
    amending: "Décision modificative",
    simulator: "Simulateur de clés",
    usageKey: "Clé d'usage",
  },
  sections: { investissement: "Investissement", fonctionnement: "Fonctionnement" },
  sectionsInline: { investissement: "investissement", fonctionnement: "fonctionnement" },
  budgetStatus: {
    draft: "Projet",
    approved: "Approuvé par la conférence",
    ratifying: "En cours de ratification",
    adopted: "Adopté",
  },
  ratificationStatus: {
    pending: "En attente",
    ratified: "Délibération adoptée",
    rejected: "Délibération rejetée",
  },
  fundCallStatus: { issued: "Émis", "partially-paid": "Payé en partie", paid: "Soldé" },
  memberKinds: {
    metropole: "Métropole",
    commune: "Commune",
    epci: "EPCI",
    syndicat: "Syndicat",
    departement: "Département",
    region: "Région",
    other: "Autre",
  },
  missionKinds: { socle: "Mission socle", specifique: "Mission spécifique" },
  keyBasis: {
    percent: "Taux fixes (en %)",
    weights: "Pondérations",
    criteria: "Critères pondérés",
    usage: "Usage d'un service (comptes ou usage mesuré)",
  },
  receiptKinds: {
    "carry-over": "Report",
    depreciation: "Dotation aux amortissements",
    grant: "Subvention",
    contribution: "Contribution des membres",
    other: "Autre recette",
  },
  home: {
    title: "Choisir une entente",
    none: "Aucune entente n'est rattachée à votre compte.",
    summary_one: "{{count}} membre · exercices {{years}}",
    summary_other: "{{count}} membres · exercices {{years}}",
  },
  dashboard: dashboardFr,
  members: membersFr,
  keys: keysFr,
  missions: missionsFr,
  plan: planFr,
  budget: budgetFr,
  settlement: settlementFr,
  tables: tablesFr,
  decisions: decisionsFr,
  fundCalls: fundCallsFr,
  audit: auditFr,
  amending: amendingFr,
  simulator: simulatorFr,
  usageKey: usageKeyFr,
};
