import type { Command } from "commander";
import type { CliContext } from "../../platform/cli/cli-context.ts";
import type { DeliberationExportOptions } from "./deliberation-export.ts";
import type { FundCallExportOptions } from "./fund-call-export.ts";
import type { StatementExportOptions } from "./statement-export.ts";

/**
 * `entente document …`: the documents a member's assembly votes, from an entente file.
 * `document deliberation`: the member's deliberation draft (ODT); `document fund-call`: its fund
 * call (ODT); `document statement`: its multi-year statement (ODT or PDF). Their work is loaded when they run.
 */
export function registerDocumentCommands(program: Command, context: CliContext<unknown>): void {
  const documents = program
    .command("document")
    .description("documents à délibérer d'un membre / documents a member's assembly votes");
  documents
    .command("deliberation")
    .description("projet de délibération d'un membre (ODT) / a member's deliberation draft (ODT)")
    .argument("<file>", "fichier d'entente / entente file")
    .requiredOption("--member <id>", "membre / member")
    .requiredOption("--out <file>", "fichier ODT écrit de façon atomique / ODT file, written atomically")
    .option("--year <year>", "exercice (défaut : le dernier) / exercise (default: the latest)")
    .option("--operation <number>", "opération budgétaire du membre / the member's budget operation")
    .option("--convention-date <date>", "date de signature de la convention (AAAA-MM-JJ)")
    .option("--conference-date <date>", "date de la conférence intercommunale (AAAA-MM-JJ)")
    .action(async (file: string, options: Omit<DeliberationExportOptions, "lang">) => {
      const { exportDeliberation } = await import("./deliberation-export.ts");
      await exportDeliberation(file, { ...options, lang: context.lang() });
    });

  documents
    .command("fund-call")
    .description("appel de fonds d'un membre (ODT) / a member's fund call (ODT)")
    .argument("<file>", "fichier d'entente / entente file")
    .requiredOption("--member <id>", "membre / member")
    .requiredOption("--out <file>", "fichier ODT écrit de façon atomique / ODT file, written atomically")
    .option("--year <year>", "exercice (défaut : le dernier) / exercise (default: the latest)")
    .option("--due-on <date>", "échéance (AAAA-MM-JJ) / due date")
    .option("--reference <text>", "référence de l'appel / the call's reference")
    .action(async (file: string, options: Omit<FundCallExportOptions, "lang">) => {
      const { exportFundCall } = await import("./fund-call-export.ts");
      await exportFundCall(file, { ...options, lang: context.lang() });
    });
  documents
    .command("statement")
    .description(
      "relevé de compte pluriannuel d'un membre (ODT ou PDF) / a member's multi-year statement (ODT or PDF)",
    )
    .argument("<file>", "fichier d'entente / entente file")
    .requiredOption("--member <id>", "membre / member")
    .requiredOption(
      "--out <file>",
      "fichier .odt ou .pdf écrit de façon atomique / .odt or .pdf file, written atomically",
    )
    .action(async (file: string, options: Omit<StatementExportOptions, "lang">) => {
      const { exportStatement } = await import("./statement-export.ts");
      await exportStatement(file, { ...options, lang: context.lang() });
    });
}
