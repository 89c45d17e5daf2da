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
import type { SeededWorkplace } from "./workplace/index.ts";

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
  lines.push(...workplaceHelp(url, firstStart));
  return `${lines.join("\n")}\n\n`;
}

/** The portal's and status page's addresses, and who signs in to the portal. */
function workplaceHelp(url: string, firstStart: FirstStart | null): string[] {
  const ententeId = firstStart?.ententeId ?? null;
  // A first start told not to seed the workplace (IMPORT_EXAMPLE_WORKPLACE=false) has no portal.
  if (ententeId === null || (firstStart?.identity != null && firstStart.workplace === null)) return [];
  const path = encodeURIComponent(ententeId);
  const lines = ["", `  Portail des agents et des élus : ${url}/portal/${path}/`];
  const account = firstStart?.workplace === null ? undefined : firstStart?.accounts[0];
  if (account !== undefined)
    lines.push(
      `  (connectez-vous avec un compte de démonstration, p. ex. ${account.email} ; la tuile du service`,
      "  de démonstration y est « Hors service » tant que npm run demo:service ne tourne pas)",
    );
  lines.push(`  État des services : ${url}/status/${path}`);
  return lines;
}

export interface FirstStart {
  readonly file: string;
  /** The example's entente (on a later start: the first entente); null when none. */
  readonly ententeId: string | null;
  readonly memberIds: readonly string[];
  /** The example's last exercise (its subscriptions start on 1 January of it). */
  readonly exerciseYear: number;
  readonly password: string;
  readonly accounts: readonly DemoAccount[];
  /** What the first start configured in the identity federation; null on later starts. */
  readonly identity: SeededIdentity | null;
  /** What the first start configured in the workplace (`seedWorkplaceOnFirstStart`); null otherwise. */
  readonly workplace: SeededWorkplace | null;
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
  const existing = await composed.finance.deps.ententes.listEntentes();
  if (existing.length > 0) {
    const ententeId = existing[0]?.id ?? null;
    const later = { ententeId, memberIds: [], exerciseYear: 0, identity: null, workplace: null };
    return { file: config.importExample, password: "", accounts: [], ...later };
  }
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
  const memberIds = entente.members.map((m) => m.id);
  const exerciseYear = Math.max(...entente.exercises.map((e) => e.year), now().getUTCFullYear() - 1);
  const found = { ententeId: id, memberIds, exerciseYear, workplace: null };
  return { file: config.importExample, password, accounts, identity, ...found };
}

/**
 * The workplace of the first start (after `importExampleOnFirstStart` seeded identity, once the
 * public URL is known): registers the portal as a hub client (identity's door), then seeds the
 * portal, the demo service's catalogue entry, subscriptions, probes (the demo service's, the
 * hub's own issuer) and a welcome (workplace's
 * door). On any other start, `firstStart` unchanged. @throws the contexts' errors.
 */
export async function seedWorkplaceOnFirstStart(
  database: OpenDatabase,
  firstStart: FirstStart | null,
  publicUrl: string,
  now: () => Date,
  /** The hub's issuer (`<publicUrl>/oidc`), probed on the status page. */
  hubIssuer = `${publicUrl}/oidc`,
): Promise<FirstStart | null> {
  if (firstStart === null || firstStart.identity === null || firstStart.ententeId === null) return firstStart;
  const [{ seedPortalClientOn, DEMO_SERVICE_URL }, { seedWorkplaceExampleOn }] = await Promise.all([
    import("./identity/index.ts"),
    import("./workplace/index.ts"),
  ]);
  const ententeId = firstStart.ententeId;
  const portal = await seedPortalClientOn(database, ententeId, publicUrl);
  const workplace = await seedWorkplaceExampleOn(
    database,
    { now },
    {
      ententeId,
      portalClientId: portal.clientId,
      demoService: { clientId: firstStart.identity.demoService.clientId, url: DEMO_SERVICE_URL },
      memberIds: firstStart.memberIds,
      exerciseYear: firstStart.exerciseYear,
      hubIssuer,
    },
  );
  return { ...firstStart, workplace };
}
