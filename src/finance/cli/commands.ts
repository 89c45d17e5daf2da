import { type Command, Option } from "commander";
import type { CliContext } from "../../platform/cli/cli-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { BudgetStore } from "../app/ports/budget-store.ts";
import type { EntenteStore } from "../app/ports/entente-store.ts";
import type { FundCallStore } from "../app/ports/fund-call-store.ts";
import type { KeyStore } from "../app/ports/key-store.ts";
import type { SubscriptionsOfMember } from "../app/ports/subscriptions-of-member.ts";
import type { UsageSource } from "../app/ports/usage-source.ts";
import { DOCUMENT_FORMATS } from "../formats/render-budget-document.ts";
import { registerAmendingCommands } from "./amending-commands.ts";
import { registerDocumentCommands } from "./document-commands.ts";
import { registerUsageKeyCommand } from "./usage-key-command.ts";

/** What the finance commands need of the server's database. */
export interface FinanceCliDeps {
  readonly ententes: EntenteStore;
  readonly budgets: BudgetStore;
  /** For `entente usage-key` (issue 11): the keys, the workplace's usage, the clock. */
  readonly keys: KeyStore;
  readonly usage: UsageSource;
  /** For `entente apply`: the workplace's subscriptions of a member whose dates change. */
  readonly subscriptions: SubscriptionsOfMember;
  readonly clock: Clock;
  readonly fundCalls: FundCallStore;
}

/**
 * The finance context's commands: `validate`, `budget`, `import`, `export`, `apply`, `exercise open`,
 * `simulate`, `document deliberation`, `document fund-call`, `amending show|issue`, `schema`. Their work is loaded
 * when they run, so that `entente budget` does not load the database drivers.
 */
export function registerFinanceCommands(program: Command, context: CliContext<FinanceCliDeps>): void {
  program
    .command("validate")
    .description("vérifie un fichier d'entente (YAML ou JSON) / check an entente file")
    .argument("<file>", "fichier d'entente / entente file")
    .action(async (file: string) => {
      const { validateEntenteFile } = await import("./entente-validate.ts");
      await validateEntenteFile(file, context.lang(), context.stdout);
    });

  program
    .command("budget")
    .description(
      "annexe budgétaire, répartition, rappel et appels de fonds d'un exercice / budget tables of one exercise",
    )
    .argument("<file>", "fichier d'entente / entente file")
    .option("--year <year>", "exercice (défaut : le dernier) / exercise (default: the latest)")
    .addOption(
      new Option(
        "--format <format>",
        "format de sortie (défaut : d'après --out, sinon text) / output format",
      ).choices([...DOCUMENT_FORMATS, "markdown"]),
    )
    .option("--out <file>", "écrit dans ce fichier, de façon atomique / write atomically to this file")
    .option("--table <id>", "une seule table (annex, fund-calls, …) / a single table")
    .action(
      async (file: string, options: { year?: string; format?: string; out?: string; table?: string }) => {
        const { exportBudget } = await import("./budget-export.ts");
        await exportBudget(file, { ...options, lang: context.lang() }, context.stdout);
      },
    );

  program
    .command("import")
    .description(
      "importe un fichier d'entente dans la base du serveur (DATABASE_URL ou DATA_DIR) / import into the server's database",
    )
    .argument("<file>", "fichier d'entente / entente file")
    .option("--id <id>", "identifiant de l'entente (défaut : nom du dossier) / entente id")
    .action(async (file: string, options: { id?: string }) => {
      const { importEntente } = await import("./entente-import.ts");
      await importEntente(file, { ...options, lang: context.lang() }, context);
    });

  registerExerciseCommands(program, context);
  registerSimulateCommand(program, context);
  registerDocumentCommands(program, context);
  registerUsageKeyCommand(program, context);

  registerRoundTripCommands(program, context);
  registerAmendingCommands(program, context);

  program
    .command("schema")
    .description("JSON Schema du fichier d'entente / JSON Schema of the entente file")
    .action(async () => {
      const { ententeJsonSchema } = await import("./schema-print.ts");
      context.stdout.write(ententeJsonSchema());
    });
}

/** `entente exercise open`: exercises in the server's database. */
function registerExerciseCommands(program: Command, context: CliContext<FinanceCliDeps>): void {
  program
    .command("exercise")
    .description("exercices de l'entente dans la base du serveur / exercises in the server's database")
    .command("open")
    .description(
      "ouvre l'exercice N+1 depuis N (brouillon, report du résultat) / open exercise N+1 from N (draft, result carried over)",
    )
    .argument("<entente>", "identifiant de l'entente / entente id")
    .requiredOption("--from <year>", "exercice N dont part N+1 / exercise N that N+1 opens from")
    .option("--called-in <year>", "année d'appel de N+1 (défaut : N+1 ; N+2 = rappel) / call year of N+1")
    .option(
      "--carry-over-investissement <euros>",
      "résultat d'investissement de N (négatif : déficit) / N's investment result",
    )
    .option(
      "--carry-over-fonctionnement <euros>",
      "résultat de fonctionnement de N (négatif : déficit) / N's operating result",
    )
    .action(
      async (
        entente: string,
        options: {
          from: string;
          calledIn?: string;
          carryOverInvestissement?: string;
          carryOverFonctionnement?: string;
        },
      ) => {
        const { openExerciseFromCli } = await import("./exercise-open.ts");
        await openExerciseFromCli(entente, { ...options, lang: context.lang() }, context);
      },
    );
}

/** Collects a repeatable option's values. */
const collect = (value: string, previous: string[]) => [...previous, value];

/** `entente simulate`: the key simulator on an entente file (nothing is saved). */
function registerSimulateCommand(program: Command, context: CliContext<FinanceCliDeps>): void {
  program
    .command("simulate")
    .description(
      "contributions de chaque membre sous d'autres clés, côte à côte / each member's contribution under other keys",
    )
    .argument("<file>", "fichier d'entente / entente file")
    .requiredOption("--key <id>", "clé simulée (défaut des lignes) / key to simulate")
    .option(
      "--with <id>",
      "clé du fichier à essayer à sa place (répétable) / alternative key (repeatable)",
      collect,
      [],
    )
    .option("--year <year>", "exercice (défaut : le dernier) / exercise (default: the latest)")
    .option(
      "--join <member>",
      "membre qui adhère cette année-là (répétable) / member joining (repeatable)",
      collect,
      [],
    )
    .option("--leave <member>", "membre déjà sorti (répétable) / member that left (repeatable)", collect, [])
    .action(
      async (
        file: string,
        options: { key: string; with: string[]; year?: string; join: string[]; leave: string[] },
      ) => {
        const { simulateKeysFromFile } = await import("./key-simulate.ts");
        await simulateKeysFromFile(file, { ...options, lang: context.lang() }, context.stdout);
      },
    );
}

/** `entente export` and `entente apply`: the server's entente as a file, and a changed file applied back. */
function registerRoundTripCommands(program: Command, context: CliContext<FinanceCliDeps>): void {
  program
    .command("export")
    .description(
      "écrit l'entente du serveur comme fichier d'entente (YAML) / write the server's entente as an entente file",
    )
    .argument("<id>", "identifiant de l'entente / entente id")
    .option("--out <file>", "écrit dans ce fichier, de façon atomique / write atomically to this file")
    .action(async (id: string, options: { out?: string }) => {
      const { exportEntenteFile } = await import("./entente-export.ts");
      await exportEntenteFile(id, { ...options, lang: context.lang() }, context);
    });

  program
    .command("apply")
    .description(
      "applique un fichier d'entente modifié à l'entente du serveur, après aperçu / apply a changed entente file",
    )
    .argument("<file>", "fichier d'entente / entente file")
    .requiredOption("--entente <id>", "identifiant de l'entente / entente id")
    .option("--dry-run", "aperçu seulement, rien n'est enregistré / preview only, nothing stored")
    .action(async (file: string, options: { entente: string; dryRun?: boolean }) => {
      const { applyEntenteFileCommand } = await import("./entente-apply.ts");
      await applyEntenteFileCommand(file, { ...options, lang: context.lang() }, context);
    });
}
