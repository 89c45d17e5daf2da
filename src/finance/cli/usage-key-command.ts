import type { Command } from "commander";
import type { CliContext } from "../../platform/cli/cli-context.ts";
import type { FinanceCliDeps } from "./commands.ts";

/**
 * `entente usage-key ENTENTE --mission M --year Y --service S [--metric seats|storage_used…]
 * [--section fonctionnement|investissement] [--freeze]`: a mission's usage key from a workplace
 * service's usage in the server's database (the same use case as `POST /api/ententes/:id/usage-keys`).
 */
export function registerUsageKeyCommand(program: Command, context: CliContext<FinanceCliDeps>): void {
  program
    .command("usage-key")
    .description(
      "clé d'usage d'une mission depuis l'usage d'un service (--freeze : l'enregistre) / a mission's usage key from a service's usage",
    )
    .argument("<entente>", "identifiant de l'entente / entente id")
    .requiredOption("--mission <id>", "mission (spécifique) / mission")
    .requiredOption("--year <year>", "exercice à partir duquel la clé vaut / exercise the key holds from")
    .requiredOption("--service <id>", "service du catalogue (client OIDC) / catalogue service")
    .option("--metric <name>", "seats (comptes) ou métrique relevée (storage_used…) / metric", "seats")
    .option("--section <section>", "fonctionnement ou investissement / section", "fonctionnement")
    .option(
      "--freeze",
      "enregistre les chiffres comme période de la clé / store the figures as the key's period",
    )
    .action(
      async (
        entente: string,
        options: {
          mission: string;
          year: string;
          service: string;
          metric: string;
          section: string;
          freeze?: boolean;
        },
      ) => {
        const { usageKeyFromCli } = await import("./usage-key.ts");
        await usageKeyFromCli(entente, { ...options, lang: context.lang() }, context);
      },
    );
}
