import type { Command } from "commander";
import type { CliContext } from "../../platform/cli/cli-context.ts";
import type { SigningKeyStore } from "../app/provider-ports.ts";
import type { ResourceServerCliDeps } from "./resource-server-cli.ts";
import { registerDovecotKeysCommand, registerResourceServerCommands } from "./resource-server-commands.ts";
import type { ServiceAddOptions, ServiceCliDeps } from "./service-client.ts";

/** What the identity commands need: the signing keys and the service registry. */
export type IdentityCliDeps = ServiceCliDeps &
  ResourceServerCliDeps & { readonly signingKeys: SigningKeyStore };

const repeat = (value: string, previous: string[] = []) => [...previous, value];

/**
 * The identity context's commands: `oidc keys list|rotate|dovecot`, `service add|list|remove|rotate-secret`
 * and `resource-server add|list|remove`.
 */
export function registerIdentityCommands(program: Command, context: CliContext<IdentityCliDeps>): void {
  registerOidcKeyCommands(program, context);
  registerServiceCommands(program, context);
  registerResourceServerCommands(program, context);
}

function registerOidcKeyCommands(program: Command, context: CliContext<IdentityCliDeps>): void {
  const oidc = program.command("oidc").description("fournisseur OpenID / OpenID Provider");
  const keys = oidc.command("keys").description("clés de signature / signing keys");
  keys
    .command("list")
    .description("liste les clés (jamais leur partie privée) / list the keys (never their private part)")
    .action(async () => {
      const { listOidcKeys } = await import("./oidc-keys.ts");
      await context.withDeps((deps) =>
        listOidcKeys(deps.signingKeys, { lang: context.lang() }, context.stdout),
      );
    });
  keys
    .command("rotate")
    .description("une étape de rotation : next → current → retired / one rotation step")
    .action(async () => {
      const { rotateOidcKeys } = await import("./oidc-keys.ts");
      await context.withDeps((deps) =>
        rotateOidcKeys(deps.signingKeys, { lang: context.lang() }, context.stdout),
      );
    });
  registerDovecotKeysCommand(keys, context);
}

function registerServiceCommands(program: Command, context: CliContext<IdentityCliDeps>): void {
  const service = program.command("service").description("services (clients OIDC) / services (OIDC clients)");
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
    .option(
      "--without-pkce",
      "client confidentiel dispensé de PKCE (Roundcube 1.6) / confidential client exempted from PKCE",
    )
    .action(async (options: Omit<ServiceAddOptions, "lang">) => {
      const { addService } = await import("./service-client.ts");
      await context.withDeps((deps) =>
        addService(deps, { ...options, lang: context.lang() }, context.stdout),
      );
    });
  service
    .command("list")
    .description("liste les services d'une entente / list an entente's services")
    .requiredOption("--entente <id>", "entente")
    .action(async (options: { entente: string }) => {
      const { listServices } = await import("./service-client.ts");
      await context.withDeps((deps) =>
        listServices(deps, { ...options, lang: context.lang() }, context.stdout),
      );
    });
  service
    .command("remove")
    .description("supprime un service / remove a service")
    .argument("<client-id>", "client_id")
    .requiredOption("--entente <id>", "entente")
    .action(async (clientId: string, options: { entente: string }) => {
      const { removeService } = await import("./service-client.ts");
      await context.withDeps((deps) =>
        removeService(deps, clientId, { ...options, lang: context.lang() }, context.stdout),
      );
    });
  service
    .command("rotate-secret")
    .description("nouveau secret, affiché une fois / new secret, shown once")
    .argument("<client-id>", "client_id")
    .requiredOption("--entente <id>", "entente")
    .action(async (clientId: string, options: { entente: string }) => {
      const { rotateServiceSecret } = await import("./service-client.ts");
      await context.withDeps((deps) =>
        rotateServiceSecret(deps, clientId, { ...options, lang: context.lang() }, context.stdout),
      );
    });
}
