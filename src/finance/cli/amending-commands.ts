import type { Command } from "commander";
import type { CliContext } from "../../platform/cli/cli-context.ts";
import type { FinanceCliDeps } from "./commands.ts";

/**
 * `entente amending show` and `entente amending issue`: an exercise's amending budget (décision
 * modificative) beside the adopted one, and the issue of its complementary calls and reductions,
 * on the server's database. Their work is loaded when they run.
 */
export function registerAmendingCommands(program: Command, context: CliContext<FinanceCliDeps>): void {
  const amending = program
    .command("amending")
    .description(
      "décisions modificatives dans la base du serveur / amending budgets in the server's database",
    );
  amending
    .command("show")
    .description(
      "la DM à côté du budget adopté : lignes et membres avec leur écart / the DM beside the adopted budget",
    )
    .argument("<entente>", "identifiant de l'entente / entente id")
    .requiredOption("--year <year>", "exercice / exercise")
    .action(async (entente: string, options: { year: string }) => {
      const { showAmendingBudget } = await import("./amending-run.ts");
      await showAmendingBudget(entente, { ...options, lang: context.lang() }, context);
    });
  amending
    .command("issue")
    .description(
      "émet les titres complémentaires et réductions de la DM adoptée / issue the adopted DM's complementary calls and reductions",
    )
    .argument("<entente>", "identifiant de l'entente / entente id")
    .requiredOption("--year <year>", "exercice / exercise")
    .option("--due-on <date>", "échéance AAAA-MM-JJ / due date YYYY-MM-DD")
    .action(async (entente: string, options: { year: string; dueOn?: string }) => {
      const { issueCorrectionsFromCli } = await import("./amending-run.ts");
      await issueCorrectionsFromCli(entente, { ...options, lang: context.lang() }, context);
    });
}
