// `npm run demo:service`: the demo service of the identity federation, a small relying party on
// http://127.0.0.1:3001 that signs in with Entente (http://127.0.0.1:3000/oidc by default) as the
// public client `npm start` registered on its first start (docs/identity.md, "Try it").
//
// Environment: ENTENTE_URL (Entente's public URL, default http://127.0.0.1:3000), DATA_DIR
// (Entente's, default ./data: the client id is read from <DATA_DIR>/demo-service.json), or
// DEMO_CLIENT_ID to give the client id yourself (`npx entente service list --entente lyon-2023`).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { startRelyingParty } from "./relying-party.ts";

const PORT = 3001;
const RETRY_MS = 2000;

async function clientId(): Promise<string> {
  const given = process.env.DEMO_CLIENT_ID;
  if (given !== undefined && given !== "") return given;
  const file = join(process.env.DATA_DIR ?? "./data", "demo-service.json");
  try {
    const parsed: unknown = JSON.parse(await readFile(file, "utf8"));
    if (typeof parsed === "object" && parsed !== null && "clientId" in parsed) {
      const id = (parsed as { clientId: unknown }).clientId;
      if (typeof id === "string" && id !== "") return id;
    }
    throw new Error(`${file}: no "clientId"`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Identifiant du service de démonstration introuvable (${reason}).\n` +
        "  Lancez d'abord `npm start` sur un DATA_DIR vide : le premier démarrage enregistre le service et écrit ce fichier\n" +
        "  (même DATA_DIR que le serveur), ou donnez DEMO_CLIENT_ID (voir `npx entente service list --entente lyon-2023`).",
    );
  }
}

async function main(): Promise<void> {
  let id: string;
  try {
    id = await clientId();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
    return;
  }
  const issuer = `${(process.env.ENTENTE_URL ?? "http://127.0.0.1:3000").replace(/\/+$/, "")}/oidc`;
  let rp: Awaited<ReturnType<typeof startRelyingParty>>;
  try {
    rp = await startRelyingParty({ name: "Service de démonstration", port: PORT });
  } catch (error) {
    process.stderr.write(
      `Impossible d'écouter sur 127.0.0.1:${PORT} (${error instanceof Error ? error.message : String(error)}) : ce port est-il déjà pris ?\n`,
    );
    process.exitCode = 1;
    return;
  }
  const stop = () => {
    rp.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  // Entente may still be starting: read its discovery document until it answers.
  let waiting = false;
  for (;;) {
    try {
      await rp.connect({ issuer, clientId: id, clientSecret: null });
      break;
    } catch (error) {
      if (!waiting) {
        process.stderr.write(
          `En attente d'Entente sur ${issuer} (${error instanceof Error ? error.message : String(error)}) ; lancez \`npm start\` si ce n'est pas fait.\n`,
        );
        waiting = true;
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
  process.stderr.write(
    `\n  Service de démonstration prêt : ${rp.url}   (client ${id}, fournisseur ${issuer})\n` +
      "  Ouvrez-le, cliquez « Se connecter avec Entente » et utilisez un compte de démonstration.\n\n",
  );
}

await main();
