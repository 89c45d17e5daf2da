import type { Output } from "../../platform/cli/output.ts";
import type { ServiceClientAdmin } from "../app/provider-ports.ts";
import { ACR_ONE_FACTOR, ACR_TWO_FACTORS } from "../domain/authentication-level.ts";
import type { PersonRole } from "../domain/person.ts";
import type { ServiceClientInput } from "../domain/service-client.ts";
import { EntenteError, type Lang, localized } from "../errors.ts";

/** What the service commands need: the service registry, and whether an entente exists. */
export interface ServiceCliDeps {
  readonly services: ServiceClientAdmin;
  readonly ententeExists: (ententeId: string) => Promise<boolean>;
}

/** Options of `entente service add` as commander parses them. */
export interface ServiceAddOptions {
  entente: string;
  name: string;
  redirectUri?: string[];
  postLogoutUri?: string[];
  backchannelLogoutUri?: string;
  scopes?: string;
  grantTypes?: string;
  public?: boolean;
  members?: string;
  roles?: string;
  groups?: string;
  requiredAcr?: string;
  /** `--without-pkce`: a confidential service exempted from PKCE (Roundcube 1.6). */
  withoutPkce?: boolean;
  lang: Lang;
}

const list = (text: string | undefined): string[] | null =>
  text === undefined
    ? null
    : text
        .split(",")
        .map((v) => v.trim())
        .filter((v) => v.length > 0);

const CLI_ACTOR = { id: "cli", label: "entente service-client" };
const ACR_ALIASES: Readonly<Record<string, string>> = { "1fa": ACR_ONE_FACTOR, "2fa": ACR_TWO_FACTORS };

/** The registration an `add` describes; the service registry validates it (identity.client_invalid). */
export function serviceInputOf(options: ServiceAddOptions): ServiceClientInput {
  const grantTypes =
    list(options.grantTypes) ??
    (options.public === true ? ["authorization_code"] : ["authorization_code", "refresh_token"]);
  return {
    name: options.name,
    redirectUris: options.redirectUri ?? [],
    postLogoutRedirectUris: options.postLogoutUri ?? [],
    backchannelLogoutUri: options.backchannelLogoutUri ?? null,
    grantTypes: grantTypes as ServiceClientInput["grantTypes"],
    tokenEndpointAuthMethod: options.public === true ? "none" : "client_secret_basic",
    scopes:
      list(options.scopes) ??
      (grantTypes.includes("authorization_code") ? ["openid", "profile", "email", "organization"] : []),
    policy: {
      memberIds: list(options.members),
      roles: list(options.roles) as PersonRole[] | null,
      groups: list(options.groups),
    },
    requiredAcr:
      options.requiredAcr === undefined ? null : (ACR_ALIASES[options.requiredAcr] ?? options.requiredAcr),
    pkceExempt: options.withoutPkce === true,
    enabled: true,
  };
}

/** `entente service add`: registers a service; prints its client_id and, once, its secret. */
export async function addService(
  deps: ServiceCliDeps,
  options: ServiceAddOptions,
  output: Output,
): Promise<void> {
  const input = serviceInputOf(options);
  if (!(await deps.ententeExists(options.entente))) {
    throw new EntenteError("cli.bad_option", {
      option: "--entente",
      expected: localized("une entente importée (entente import)", "an imported entente (entente import)"),
    });
  }
  const { client, clientSecret } = await deps.services.createClient(options.entente, input, CLI_ACTOR);
  const fr = options.lang === "fr";
  output.write(`client_id: ${client.clientId}\n`);
  if (clientSecret !== null) {
    output.write(`client_secret: ${clientSecret}\n`);
    output.write(
      fr
        ? "Notez ce secret maintenant : il n'est stocké que haché et ne sera plus affiché.\n"
        : "Write this secret down now: it is stored hashed only and will not be shown again.\n",
    );
  }
}

/** `entente service list --entente ID`: one line per service (never a secret). */
export async function listServices(
  deps: ServiceCliDeps,
  options: { entente: string; lang: Lang },
  output: Output,
): Promise<void> {
  for (const service of await deps.services.listClients(options.entente)) {
    output.write(
      `${service.clientId}\t${service.name}\t${service.enabled ? "enabled" : "disabled"}\t${service.tokenEndpointAuthMethod}\t${service.grantTypes.join(",")}\t${service.redirectUris.join(" ")}${service.pkceExempt === true ? "\twithout-pkce" : ""}\n`,
    );
  }
}

/** `entente service remove CLIENT_ID --entente ID`. @throws `identity.not_found`. */
export async function removeService(
  deps: ServiceCliDeps,
  clientId: string,
  options: { entente: string; lang: Lang },
  output: Output,
): Promise<void> {
  await deps.services.deleteClient(options.entente, clientId, CLI_ACTOR);
  output.write(options.lang === "fr" ? `service supprimé : ${clientId}\n` : `service removed: ${clientId}\n`);
}

/** `entente service rotate-secret CLIENT_ID --entente ID`: a new secret, shown once; the old one stops working at once. */
export async function rotateServiceSecret(
  deps: ServiceCliDeps,
  clientId: string,
  options: { entente: string; lang: Lang },
  output: Output,
): Promise<void> {
  const secret = await deps.services.rotateClientSecret(options.entente, clientId, CLI_ACTOR);
  output.write(`client_secret: ${secret}\n`);
}
