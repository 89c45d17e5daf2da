// The door of the finance context (pillar 1: the entente's members, missions, keys, budgets,
// decisions and fund calls): what other contexts and the composition may use. Nothing else of
// src/finance is imported from outside it.
export { checkEntenteReferences } from "./app/check-entente-references.ts";
export { importExampleOnce } from "./app/import-example-once.ts";
export { type FinanceCliDeps, registerFinanceCommands } from "./cli/commands.ts";
export { type ComposedFinance, composeFinance, composeFinanceCli } from "./compose.ts";
export type { EntenteTable, MemberTable } from "./db/tables.ts";
export type { Entente } from "./domain/entente.ts";
export { readEntenteFile } from "./formats/read-entente-file.ts";
