/**
 * The door of the console's finance feature (src/finance on the server: governance and finance
 * of the entente): its pages, the entente's layout and the entente every page reads. The app and
 * the other features import finance through this file only.
 */
export { AmendingBudgetPage } from "./amending-budget/amending-budget-page.tsx";
export { AuditPage } from "./audit/audit-page.tsx";
export { BudgetPage } from "./budget/budget-page.tsx";
export { DashboardPage } from "./dashboard/dashboard-page.tsx";
export { DecisionsPage } from "./decisions/decisions-page.tsx";
export { useEntente } from "./entente/entente-context.tsx";
export { EntenteLayout } from "./entente/entente-layout.tsx";
export { HomePage } from "./entente/home-page.tsx";
export { financeEn } from "./finance-en.ts";
export { financeFr } from "./finance-fr.ts";
export { FundCallsPage } from "./fund-calls/fund-calls-page.tsx";
export { KeysPage } from "./keys/keys-page.tsx";
export { MembersPage } from "./members/members-page.tsx";
export { MissionPage } from "./missions/mission-page.tsx";
export { MissionsPage } from "./missions/missions-page.tsx";
export { SettlementPage } from "./settlement/settlement-page.tsx";
export { SimulatorPage } from "./simulator/simulator-page.tsx";
export { TablesPage } from "./tables/tables-page.tsx";
export { UsageKeyPage } from "./usage-key/usage-key-page.tsx";
