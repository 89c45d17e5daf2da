import { type Command, Option } from "commander";
import type { CliContext } from "../../platform/cli/cli-context.ts";
import type { AccessDeps } from "../app/access-deps.ts";
import { createAccount, type EntenteReferences } from "../app/create-account.ts";
import type { Role } from "../domain/access-policy.ts";

/** What the access commands need: the accounts, and the entente's members and missions. */
export type AccessCliDeps = Omit<AccessDeps, "throttle"> & { readonly references: EntenteReferences };

/**
 * `entente account create EMAIL --role ROLE --entente ID [--member M] [--mission M] [--name N]`:
 * creates a local account of the console; the password is read from standard input (never from
 * the command line, which other users of the machine can see).
 */
export function registerAccessCommands(program: Command, context: CliContext<AccessCliDeps>): void {
  program
    .command("account")
    .description("comptes locaux de la console / local accounts of the console")
    .command("create")
    .description(
      "crée un compte ; mot de passe sur l'entrée standard / create an account; password on standard input",
    )
    .argument("<email>", "adresse / email")
    .addOption(
      new Option("--role <role>", "rôle / role")
        .choices(["secretariat", "finance", "mission-lead", "reader"])
        .makeOptionMandatory(),
    )
    .requiredOption("--entente <id>", "entente")
    .option("--member <id>", "membre (rôle finance) / member (finance role)")
    .option("--mission <id>", "mission (rôle mission-lead) / mission (mission-lead role)")
    .option("--name <name>", "nom affiché / display name")
    .action(
      async (
        email: string,
        options: { role: Role; entente: string; member?: string; mission?: string; name?: string },
      ) => {
        const password = (await context.readStdin()).replace(/\r?\n$/, "");
        const account = {
          email,
          role: options.role,
          ententeId: options.entente,
          memberId: options.member ?? null,
          missionId: options.mission ?? null,
          displayName: options.name ?? null,
        };
        await context.withDeps((deps) => createAccount(deps, account, password));
        context.stdout.write(
          context.lang() === "fr"
            ? `compte créé : ${email} (${options.role}, entente ${options.entente}).\n`
            : `account created: ${email} (${options.role}, entente ${options.entente}).\n`,
        );
      },
    );
}
