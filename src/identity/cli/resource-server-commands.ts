import type { Command } from "commander";
import type { CliContext } from "../../platform/cli/cli-context.ts";
import type { SigningKeyStore } from "../app/provider-ports.ts";
import type { ResourceServerAddOptions, ResourceServerCliDeps } from "./resource-server-cli.ts";

/** `entente resource-server add|list|remove`, and `entente oidc keys dovecot` (the key dictionary). */
export function registerResourceServerCommands(
  program: Command,
  context: CliContext<ResourceServerCliDeps & { readonly signingKeys: SigningKeyStore }>,
): void {
  const rs = program
    .command("resource-server")
    .description("serveurs de ressources (RFC 8707) / resource servers (RFC 8707)");
  rs.command("add")
    .description("enregistre un serveur de ressources / register a resource server")
    .requiredOption("--entente <id>", "entente")
    .requiredOption("--name <name>", "nom / name")
    .requiredOption(
      "--audience <uri>",
      "indicateur de ressource, aud des jetons / resource indicator, token aud",
    )
    .requiredOption("--scopes <list>", "scopes, séparés par des virgules / comma-separated scopes")
    .option("--format <format>", "jwt (défaut / default) ou/or opaque")
    .option("--jwt-type <typ>", "at+jwt (défaut / default) ou/or JWT (Dovecot 2.3)")
    .option("--ttl <seconds>", "durée des jetons, 60 à 600 s (défaut 300) / token lifetime")
    .action(async (options: Omit<ResourceServerAddOptions, "lang">) => {
      const { addResourceServer } = await import("./resource-server-cli.ts");
      await context.withDeps((deps) =>
        addResourceServer(deps, { ...options, lang: context.lang() }, context.stdout),
      );
    });
  rs.command("list")
    .description("liste les serveurs d'une entente / list an entente's servers")
    .requiredOption("--entente <id>", "entente")
    .action(async (options: { entente: string }) => {
      const { listResourceServers } = await import("./resource-server-cli.ts");
      await context.withDeps((deps) => listResourceServers(deps, options, context.stdout));
    });
  rs.command("remove")
    .description("supprime un serveur / remove a server")
    .argument("<id>", "id")
    .requiredOption("--entente <id>", "entente")
    .action(async (id: string, options: { entente: string }) => {
      const { removeResourceServer } = await import("./resource-server-cli.ts");
      await context.withDeps((deps) =>
        removeResourceServer(deps, id, { ...options, lang: context.lang() }, context.stdout),
      );
    });
}

/** `entente oidc keys dovecot --dir DIR` under the `oidc keys` command. */
export function registerDovecotKeysCommand(
  keys: Command,
  context: CliContext<{ readonly signingKeys: SigningKeyStore }>,
): void {
  keys
    .command("dovecot")
    .description(
      "écrit les clés publiques en dictionnaire Dovecot / write the public keys as a Dovecot key dictionary",
    )
    .requiredOption("--dir <dir>", "dossier de local_validation_key_dict (fs:posix:prefix=DIR/)")
    .action(async (options: { dir: string }) => {
      const { exportDovecotKeys } = await import("./dovecot-keys.ts");
      await context.withDeps((deps) =>
        exportDovecotKeys(deps.signingKeys, { dir: options.dir, lang: context.lang() }, context.stdout),
      );
    });
}
