// The door of the finance context (pillar 1: the entente's members, missions, keys, budgets,
// decisions and fund calls): what other contexts and the composition may use. Nothing else of
// src/finance is imported from outside it.
export { checkEntenteReferences } from "./app/check-entente-references.ts";
export { importExampleOnce } from "./app/import-example-once.ts";
export type { SubscriptionsOfMember } from "./app/ports/subscriptions-of-member.ts";
export type { UsageRequest, UsageSource } from "./app/ports/usage-source.ts";
export { type FinanceCliDeps, registerFinanceCommands } from "./cli/commands.ts";
export {
  type ComposedFinance,
  composeFinance,
  composeFinanceCli,
  type FinanceWorkplacePorts,
} from "./compose.ts";
export type { EntenteTable, MemberTable } from "./db/tables.ts";
export type { Entente } from "./domain/entente.ts";
export type { UsageFigures, UsageValue } from "./domain/usage-figures.ts";
export { readEntenteFile } from "./formats/read-entente-file.ts";
