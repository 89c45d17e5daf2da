import type { Output } from "../../platform/cli/output.ts";
import type { ResourceServerAdmin } from "../app/resource-server-ports.ts";
import type { ResourceServerDraft } from "../domain/resource-server.ts";
import { EntenteError, type Lang, localized } from "../errors.ts";

/** The CLI's name in the audit trail. */
const CLI_ACTOR = { id: "cli", label: "entente resource-server" };

/** What the resource server commands need. */
export interface ResourceServerCliDeps {
  readonly resourceServers: ResourceServerAdmin;
  readonly ententeExists: (ententeId: string) => Promise<boolean>;
}

/** Options of `entente resource-server add` as commander parses them. */
export interface ResourceServerAddOptions {
  entente: string;
  name: string;
  audience: string;
  scopes: string;
  format?: string;
  jwtType?: string;
  ttl?: string;
  lang: Lang;
}

/** The registration an `add` describes; the registry validates it (`identity.resource_server_invalid`). */
export function resourceServerInputOf(options: ResourceServerAddOptions): ResourceServerDraft {
  return {
    name: options.name,
    audience: options.audience,
    scopes: options.scopes
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
    tokenFormat: options.format ?? "jwt",
    jwtType: options.jwtType ?? "at+jwt",
    accessTokenTtlSeconds: options.ttl === undefined ? 300 : Number(options.ttl),
    enabled: true,
  };
}

async function ensureEntente(deps: ResourceServerCliDeps, ententeId: string): Promise<void> {
  if (!(await deps.ententeExists(ententeId))) {
    throw new EntenteError("cli.bad_option", {
      option: "--entente",
      expected: localized("une entente importée (entente import)", "an imported entente (entente import)"),
    });
  }
}

/** `entente resource-server add`: registers a server; prints its id and audience. */
export async function addResourceServer(
  deps: ResourceServerCliDeps,
  options: ResourceServerAddOptions,
  output: Output,
): Promise<void> {
  await ensureEntente(deps, options.entente);
  const input = resourceServerInputOf(options);
  const server = await deps.resourceServers.createResourceServer(options.entente, input, CLI_ACTOR);
  output.write(`id: ${server.id}\naudience: ${server.audience}\n`);
}

/** `entente resource-server list --entente ID`: one line per server. */
export async function listResourceServers(
  deps: ResourceServerCliDeps,
  options: { entente: string },
  output: Output,
): Promise<void> {
  for (const s of await deps.resourceServers.listResourceServers(options.entente)) {
    const format = s.tokenFormat === "jwt" ? `jwt(${s.jwtType})` : "opaque";
    output.write(
      `${s.id}\t${s.name}\t${s.audience}\t${format}\t${s.accessTokenTtlSeconds}s\t${s.scopes.join(" ")}\t${s.enabled ? "enabled" : "disabled"}\n`,
    );
  }
}

/** `entente resource-server remove ID --entente ID`. @throws `identity.not_found`. */
export async function removeResourceServer(
  deps: ResourceServerCliDeps,
  id: string,
  options: { entente: string; lang: Lang },
  output: Output,
): Promise<void> {
  await deps.resourceServers.deleteResourceServer(options.entente, id, CLI_ACTOR);
  output.write(
    options.lang === "fr" ? `serveur de ressources supprimé : ${id}\n` : `resource server removed: ${id}\n`,
  );
}
