import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import type { Role } from "../app/access-policy.ts";
import type { Lang } from "../domain/errors.ts";
import { exportBudget, FORMATS, type Output } from "./commands/budget-export.ts";
import { validateEntenteFile } from "./commands/entente-validate.ts";
import { ententeJsonSchema } from "./commands/schema-print.ts";
import { describeError, EXIT } from "./report-error.ts";

const VERSION: string = JSON.parse(
  readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
).version;

/**
 * The `entente` command line. Same application layer as the server; see README.md.
 * Returns the exit status instead of exiting, so tests can run it in-process.
 */
export async function runCli(
  argv: readonly string[],
  io: {
    stdout: Output;
    stderr: (text: string) => void;
    /** The environment (database settings of `import` and `account`); the process's in main. */
    env?: Readonly<Record<string, string | undefined>>;
    readStdin?: () => Promise<string>;
  },
): Promise<number> {
  let lang: Lang = "fr";
  const program = new Command()
    .name("entente")
    .description(
      "Entente intercommunale : budget, clés de répartition, appels de fonds / budget, allocation keys, fund calls",
    )
    .addOption(
      new Option("--lang <lang>", "langue des documents et messages / language")
        .choices(["fr", "en"])
        .default("fr"),
    )
    .version(VERSION, "-V, --version", "version d'Entente / version")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr(text),
      // Commander's own usage errors (English): tagged with a code, and where to look.
      outputError: (text, write) => write(`${text.trimEnd()} [cli.usage] — entente --help\n`),
    })
    .hook("preAction", (command) => {
      lang = command.opts<{ lang: Lang }>().lang;
    });

  program
    .command("validate")
    .description("vérifie un fichier d'entente (YAML ou JSON) / check an entente file")
    .argument("<file>", "fichier d'entente / entente file")
    .action(async (file: string) => validateEntenteFile(file, lang, io.stdout));

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
      ).choices([...FORMATS, "markdown"]),
    )
    .option("--out <file>", "écrit dans ce fichier, de façon atomique / write atomically to this file")
    .option("--table <id>", "une seule table (annex, fund-calls, …) / a single table")
    .action(async (file: string, options: { year?: string; format?: string; out?: string; table?: string }) =>
      exportBudget(file, { ...options, lang }, io.stdout),
    );

  program
    .command("import")
    .description(
      "importe un fichier d'entente dans la base du serveur (DATABASE_URL ou DATA_DIR) / import into the server's database",
    )
    .argument("<file>", "fichier d'entente / entente file")
    .option("--id <id>", "identifiant de l'entente (défaut : nom du dossier) / entente id")
    .action(async (file: string, options: { id?: string }) => {
      // Database commands load the database drivers only when used (budget commands start fast).
      const { importEntente } = await import("./commands/entente-import.ts");
      await importEntente(file, { ...options, lang }, io.stdout, io.env ?? {});
    });

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
        const password = (await (io.readStdin ?? (async () => ""))()).replace(/\r?\n$/, "");
        const { createAccount } = await import("./commands/account-create.ts");
        await createAccount(email, { ...options, lang }, password, io.stdout, io.env ?? {});
      },
    );

  const oidc = program.command("oidc").description("fournisseur OpenID / OpenID Provider");
  const oidcKeys = oidc.command("keys").description("clés de signature / signing keys");
  oidcKeys
    .command("list")
    .description("liste les clés (jamais leur partie privée) / list the keys (never their private part)")
    .action(async () => {
      const { listOidcKeys } = await import("./commands/oidc-keys.ts");
      await listOidcKeys({ lang }, io.stdout, io.env ?? {});
    });
  oidcKeys
    .command("rotate")
    .description("une étape de rotation : next → current → retired / one rotation step")
    .action(async () => {
      const { rotateOidcKeys } = await import("./commands/oidc-keys.ts");
      await rotateOidcKeys({ lang }, io.stdout, io.env ?? {});
    });

  const service = program.command("service").description("services (clients OIDC) / services (OIDC clients)");
  const repeat = (value: string, previous: string[] = []) => [...previous, value];
  service
    .command("add")
    .description(
      "enregistre un service ; affiche son secret une fois / register a service; shows its secret once",
    )
    .requiredOption("--entente <id>", "entente")
    .requiredOption("--name <name>", "nom du service / service name")
    .option(
      "--redirect-uri <uri>",
      "URI de retour exacte, répétable / exact redirect URI, repeatable",
      repeat,
    )
    .option(
      "--post-logout-uri <uri>",
      "URI après déconnexion, répétable / post-logout URI, repeatable",
      repeat,
    )
    .option("--backchannel-logout-uri <uri>", "URI de déconnexion back-channel / back-channel logout URI")
    .option("--scopes <list>", "scopes, séparés par des virgules / comma-separated scopes")
    .option("--grant-types <list>", "authorization_code,refresh_token,client_credentials")
    .option("--public", "client public (PKCE, sans secret) / public client (PKCE, no secret)")
    .option("--members <ids>", "membres autorisés / members allowed")
    .option("--roles <roles>", "rôles autorisés (agent,elu) / roles allowed")
    .option("--groups <groups>", "groupes autorisés / groups allowed")
    .option("--required-acr <acr>", "1fa, 2fa ou une valeur acr / 1fa, 2fa or an acr value")
    .action(async (options: Omit<import("./commands/service-client.ts").ServiceAddOptions, "lang">) => {
      const { addService } = await import("./commands/service-client.ts");
      await addService({ ...options, lang }, io.stdout, io.env ?? {});
    });
  service
    .command("list")
    .description("liste les services d'une entente / list an entente's services")
    .requiredOption("--entente <id>", "entente")
    .action(async (options: { entente: string }) => {
      const { listServices } = await import("./commands/service-client.ts");
      await listServices({ ...options, lang }, io.stdout, io.env ?? {});
    });
  service
    .command("remove")
    .description("supprime un service / remove a service")
    .argument("<client-id>", "client_id")
    .requiredOption("--entente <id>", "entente")
    .action(async (clientId: string, options: { entente: string }) => {
      const { removeService } = await import("./commands/service-client.ts");
      await removeService(clientId, { ...options, lang }, io.stdout, io.env ?? {});
    });
  service
    .command("rotate-secret")
    .description("nouveau secret, affiché une fois / new secret, shown once")
    .argument("<client-id>", "client_id")
    .requiredOption("--entente <id>", "entente")
    .action(async (clientId: string, options: { entente: string }) => {
      const { rotateServiceSecret } = await import("./commands/service-client.ts");
      await rotateServiceSecret(clientId, { ...options, lang }, io.stdout, io.env ?? {});
    });

  program
    .command("schema")
    .description("JSON Schema du fichier d'entente / JSON Schema of the entente file")
    .action(() => io.stdout.write(ententeJsonSchema()));

  try {
    await program.parseAsync(argv, { from: "user" });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const { text, status } = describeError(error, lang);
    io.stderr(text);
    return status;
  }
}

/** Runs the CLI on this process's arguments and streams, and sets the exit status. */
export async function runCliProcess(): Promise<void> {
  // `npm run entente -- FILE` runs in the package folder; paths are meant from where the
  // person typed the command (npm passes it as INIT_CWD).
  const origin = process.env.INIT_CWD;
  if (origin !== undefined && origin !== process.cwd()) {
    try {
      process.chdir(origin);
    } catch {
      // The folder is gone or unreadable: keep the current one, paths then resolve from there.
    }
  }
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: { write: (data) => process.stdout.write(data), isTerminal: process.stdout.isTTY === true },
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
  });
}

if (import.meta.main) await runCliProcess();
