// The first start of the server (src/main.ts): on an empty database, imports the example entente
// and seeds what a person needs to try Entente at once; then the greeting printed in the terminal.

import { randomBytes } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { DemoAccount } from "./access/index.ts";
import type { ComposedConsole } from "./compose.ts";
import type { SeededIdentity } from "./identity/index.ts";
import type { Config } from "./platform/config/load-config.ts";
import type { OpenDatabase } from "./platform/db/open-database.ts";

/** Where the person at the terminal goes: the console, the API's docs, the provider, the demo service. */
export interface Addresses {
  readonly url: string;
  readonly apiDocs: string;
  readonly issuer: string;
  readonly demoService: string;
}

/** What a person reads in the terminal after `npm start`: where to go and how to sign in. */
export function signInHelp(at: Addresses, config: Config, firstStart: FirstStart | null): string {
  const { url, issuer } = at;
  const lines = ["", `  Entente est prête : ${url}   (API : ${at.apiDocs})`];
  if (firstStart !== null && firstStart.accounts.length > 0) {
    lines.push(
      `  Exemple importé : ${firstStart.file}. Comptes de démonstration (mot de passe : ${firstStart.password}) :`,
    );
    for (const account of firstStart.accounts)
      lines.push(`    ${account.email.padEnd(48)} ${account.description}`);
    lines.push("  Ce mot de passe n'est affiché qu'au premier démarrage (fixez-le avec DEMO_PASSWORD).");
  } else if (config.importExample !== undefined) {
    lines.push(
      "  Données existantes conservées ; comptes de démonstration : voir le premier démarrage ou DEMO_PASSWORD.",
    );
  }
  lines.push("", `  Fournisseur OpenID : ${issuer}/.well-known/openid-configuration`);
  // The demo service reads its client id in DATA_DIR and finds Entente at ENTENTE_URL.
  const envPrefix =
    (config.database.dataDir === "./data" ? "" : `DATA_DIR=${config.database.dataDir} `) +
    (issuer === "http://127.0.0.1:3000/oidc" ? "" : `ENTENTE_URL=${issuer.replace(/\/oidc$/, "")} `);
  if ((firstStart?.identity ?? null) !== null) {
    lines.push(
      `  Fédération d'identité : lancez ${envPrefix}npm run demo:service, ouvrez ${at.demoService}`,
      "  et connectez-vous avec un de ces comptes (chacun agit pour un membre : docs/identity.md).",
    );
  } else if (config.importExample !== undefined) {
    lines.push(`  Service de démonstration : ${envPrefix}npm run demo:service, puis ${at.demoService}`);
  }
  return `${lines.join("\n")}\n\n`;
}

export interface FirstStart {
  readonly file: string;
  readonly password: string;
  readonly accounts: readonly DemoAccount[];
  /** What the first start configured in the identity federation; null on later starts. */
  readonly identity: SeededIdentity | null;
}

/**
 * On an empty database, imports the example entente, creates the demo accounts, configures the
 * identity federation for them (a local source per member, their addresses, the demo service) and
 * writes the demo service's client id to `<DATA_DIR>/demo-service.json` for `npm run demo:service`.
 */
export async function importExampleOnFirstStart(
  composed: ComposedConsole,
  database: OpenDatabase,
  config: Config,
  now: () => Date,
): Promise<FirstStart | null> {
  if (config.importExample === undefined) return null;
  if ((await composed.finance.deps.ententes.listEntentes()).length > 0)
    return { file: config.importExample, password: "", accounts: [], identity: null };
  const [{ readEntenteFile }, { seedExample }, { seedIdentityExampleOn }] = await Promise.all([
    import("./finance/index.ts"),
    import("./compose.ts"),
    import("./identity/index.ts"),
  ]);
  const entente = await readEntenteFile(config.importExample);
  const password = config.demoPassword ?? randomBytes(9).toString("base64url");
  const id = basename(dirname(resolve(config.importExample))).replace(/[^A-Za-z0-9._-]/g, "-") || "entente";
  const accounts = await seedExample(composed, id, entente, password);
  const identity = await seedIdentityExampleOn(database, { now }, id, entente, accounts);
  if (identity !== null) {
    const file = join(config.database.dataDir, "demo-service.json");
    await mkdir(dirname(file), { recursive: true });
    const text = `${JSON.stringify({ ententeId: id, clientId: identity.demoService.clientId }, null, 2)}\n`;
    await writeFile(`${file}.tmp`, text);
    await rename(`${file}.tmp`, file);
  }
  return { file: config.importExample, password, accounts, identity };
}
