import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { createArgon2PasswordHasher, registerAccessCommands } from "./access/index.ts";
import { type ComposedCli, composeCli } from "./compose.ts";
import { registerFinanceCommands } from "./finance/index.ts";
import { registerIdentityCommands } from "./identity/index.ts";
import type { CliContext } from "./platform/cli/cli-context.ts";
import { openCliDatabase } from "./platform/cli/open-cli-database.ts";
import type { Output } from "./platform/cli/output.ts";
import { describeError, EXIT } from "./platform/cli/report-error.ts";
import { langOfArgv, usageErrorText } from "./platform/cli/usage-error-text.ts";
import { registerProvisioningCommands } from "./provisioning/index.ts";
import type { Lang } from "./shared/errors.ts";
import { registerWorkplaceCommands } from "./workplace/index.ts";

const VERSION: string = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version;

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
      // Commander's own usage errors (English only): in the asked language, tagged with a code,
      // and where to look.
      outputError: (text, write) =>
        write(`${usageErrorText(text, langOfArgv(argv))} [cli.usage] — entente --help\n`),
    })
    .hook("preAction", (command) => {
      lang = command.opts<{ lang: Lang }>().lang;
    });

  const context = cliContext(io, () => lang);
  registerFinanceCommands(program, {
    ...context,
    withDeps: (use) => context.withComposed((c) => use(c.finance)),
  });
  registerAccessCommands(program, {
    ...context,
    withDeps: (use) => context.withComposed((c) => use(c.access)),
  });
  registerIdentityCommands(program, {
    ...context,
    withDeps: (use) => context.withComposed((c) => use(c.identity)),
  });
  registerProvisioningCommands(program, {
    ...context,
    withDeps: (use) => context.withComposed((c) => use(c.provisioning)),
  });
  registerWorkplaceCommands(program, {
    ...context,
    withDeps: (use) => context.withComposed((c) => use(c.workplace)),
  });

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

type CliIo = Parameters<typeof runCli>[1];

/**
 * The parts of every context's `CliContext`, and `withComposed`: the server's database opened
 * from the environment (DATABASE_URL, else PGlite in DATA_DIR) and brought up to date, every
 * context composed on it, closed once the command's work is done, whatever happens.
 */
function cliContext(
  io: CliIo,
  lang: () => Lang,
): Omit<CliContext<never>, "withDeps"> & {
  readonly withComposed: <T>(use: (composed: ComposedCli) => Promise<T>) => Promise<T>;
} {
  return {
    stdout: io.stdout,
    lang,
    readStdin: io.readStdin ?? (async () => ""),
    async withComposed(use) {
      const database = await openCliDatabase(io.env ?? {});
      try {
        return await use(
          composeCli(database, {
            hasher: createArgon2PasswordHasher(),
            now: () => new Date(),
            probePrivateNetworks: probePrivateNetworks(io.env ?? {}),
          }),
        );
      } finally {
        await database.close();
      }
    },
  };
}

/** STATUS_PROBE_PRIVATE_NETWORKS as the server reads it (config-schema.ts): on by default outside production. */
function probePrivateNetworks(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env.STATUS_PROBE_PRIVATE_NETWORKS?.trim().toLowerCase();
  if (value === undefined || value === "") return env.NODE_ENV !== "production";
  return ["true", "1", "yes", "on"].includes(value);
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
