import { amendingEn } from "./amending-budget/amending-en.ts";
import { auditEn } from "./audit/audit-en.ts";
import { budgetEn } from "./budget/budget-en.ts";
import { dashboardEn } from "./dashboard/dashboard-en.ts";
import { decisionsEn } from "./decisions/decisions-en.ts";
import type { financeFr } from "./finance-fr.ts";
import { fundCallsEn } from "./fund-calls/fund-calls-en.ts";
import { keysEn } from "./keys/keys-en.ts";
import { membersEn } from "./members/members-en.ts";
import { missionsEn } from "./missions/missions-en.ts";
import { planEn } from "./missions/plan-en.ts";
import { settlementEn } from "./settlement/settlement-en.ts";
import { simulatorEn } from "./simulator/simulator-en.ts";
import { tablesEn } from "./tables/tables-en.ts";
import { usageKeyEn } from "./usage-key/usage-key-en.ts";

/** English strings of governance and finance; same keys as the French. */
export const financeEn: typeof financeFr = {
  nav: {
    dashboard: "Dashboard",
    members: "Members",
    keys: "Allocation keys",
    missions: "Missions",
    budget: "Budget",
    settlement: "Advances and adjustments",
    tables: "Tables",
    decisions: "Decisions",
    fundCalls: "Fund calls",
    audit: "Audit trail",
    amending: "Amending budget",
    simulator: "Key simulator",
    usageKey: "Usage key",
  },
  sections: { investissement: "Investment", fonctionnement: "Operating" },
  sectionsInline: { investissement: "investment", fonctionnement: "operating" },
  budgetStatus: {
    draft: "Draft",
    approved: "Approved by the conference",
    ratifying: "Being ratified",
    adopted: "Adopted",
  },
  ratificationStatus: { pending: "Pending", ratified: "Ratified", rejected: "Rejected" },
  fundCallStatus: { issued: "Issued", "partially-paid": "Partly paid", paid: "Paid" },
  memberKinds: {
    metropole: "Metropolis",
    commune: "Municipality",
    epci: "EPCI (inter-municipal body)",
    syndicat: "Syndicate",
    departement: "Département",
    region: "Region",
    other: "Other",
  },
  missionKinds: { socle: "Core mission", specifique: "Specific mission" },
  keyBasis: {
    percent: "Fixed rates (%)",
    weights: "Weights",
    criteria: "Weighted criteria",
    usage: "Usage of a service (seats or measured use)",
  },
  receiptKinds: {
    "carry-over": "Carry-over",
    depreciation: "Depreciation",
    grant: "Grant",
    contribution: "Members' contribution",
    other: "Other receipt",
  },
  home: {
    title: "Choose an entente",
    none: "No entente is linked to your account.",
    summary_one: "{{count}} member · exercises {{years}}",
    summary_other: "{{count}} members · exercises {{years}}",
  },
  dashboard: dashboardEn,
  members: membersEn,
  keys: keysEn,
  missions: missionsEn,
  plan: planEn,
  budget: budgetEn,
  settlement: settlementEn,
  tables: tablesEn,
  decisions: decisionsEn,
  fundCalls: fundCallsEn,
  audit: auditEn,
  amending: amendingEn,
  simulator: simulatorEn,
  usageKey: usageKeyEn,
};
