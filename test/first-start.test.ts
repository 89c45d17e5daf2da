import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { freePort } from "../src/platform/http/free-port.ts";
import { chromiumMissing, launchChromium } from "./e2e/console-harness.ts";
import { ROOT } from "./helpers/run-cli.ts";
import { type RunningChild, startChild } from "./helpers/start-child.ts";

/**
 * The first start as a new user makes it (README's `npm start`, here `node src/main.ts` with the
 * example): the example entente, its demo accounts, the identity federation and the digital
 * workplace — the portal answers with a sign-in at the hub, the demo service is catalogued and
 * listed by the public status JSON — then a second start on the same data seeds nothing twice.
 * Every server started here is stopped by its PID, whatever happens (test/helpers/start-child.ts).
 */

const MAIN = `${ROOT}src/main.ts`;
const ENV = {
  PATH: process.env.PATH ?? "",
  NODE_ENV: "test",
  HOST: "127.0.0.1",
  PORT: "0",
  IMPORT_EXAMPLE: "true",
  DEMO_PASSWORD: "first-start-demo",
  DATA_DIR: mkdtempSync(join(tmpdir(), "entente-first-start-")),
};
/** How long the server has to start on a loaded machine (a first start hashes six passwords). */
const START_DEADLINE_MS = 90_000;
const ENTENTE = "lyon-2023";

/** Starts the server; ready once the greeting (with the status page's line) is on stderr. */
async function startServer(
  port = ENV.PORT,
): Promise<{ readonly child: RunningChild; readonly greeting: string }> {
  const { child, ready } = await startChild({
    name: "node src/main.ts",
    command: process.execPath,
    args: [MAIN],
    cwd: ROOT,
    env: { ...ENV, PORT: port },
    deadlineMs: START_DEADLINE_MS,
    ready: ({ stderr }) => (/État des services : \S+\n/.test(stderr) ? stderr : undefined),
  });
  return { child, greeting: ready };
}

/** Signs in to the portal in Chromium as the secretariat's demo account; the texts of the demo service's tile links. */
async function tilesAfterSignIn(portal: string): Promise<string[]> {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing); // no silent skip
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ locale: "fr-FR" })).newPage();
    await page.goto(portal);
    await page.locator("#email").fill("secretariat@lyon-2023.entente.localhost");
    await page.getByRole("button", { name: "Continuer", exact: true }).click();
    await page.locator("#password").fill(ENV.DEMO_PASSWORD);
    await page.getByRole("button", { name: "Se connecter", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Mes services" }).waitFor();
    await page.getByText("Bienvenue sur le portail de l'entente").waitFor();
    return await page.getByRole("link", { name: "Service de démonstration" }).allInnerTexts();
  } finally {
    await browser.close();
  }
}

type StatusEntry = { id: string; kind: string; name: string; status: string };

/** The entries of the public status JSON. */
async function statusEntries(url: string): Promise<StatusEntry[]> {
  const answer = await fetch(`${url}/api/status/${ENTENTE}`);
  assert.equal(answer.status, 200);
  return ((await answer.json()) as { services: StatusEntry[] }).services;
}

/** The services the public status JSON lists, by name. */
async function statusNames(url: string): Promise<string[]> {
  return (await statusEntries(url)).map((s) => s.name);
}

/** The hub's state on the status JSON once the server's probe loop found it up (at most 60 s). */
async function hubOnceUp(url: string): Promise<StatusEntry | undefined> {
  let hub: StatusEntry | undefined;
  for (let i = 0; i < 60; i++) {
    hub = (await statusEntries(url)).find((s) => s.kind === "hub");
    if (hub?.status === "operational") return hub;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return hub;
}

describe("first start with the example: the digital workplace is there", () => {
  let server: RunningChild | undefined;
  after(() => server?.stop());

  it("seeds the portal, the catalogue and the status page once", {
    timeout: 3 * START_DEADLINE_MS,
  }, async () => {
    const first = await startServer();
    server = first.child;
    const portal = /Portail des agents et des élus : (http:\S+)/.exec(first.greeting)?.[1];
    assert.ok(portal !== undefined, first.greeting);
    assert.match(portal, new RegExp(`^http://127\\.0\\.0\\.1:\\d+/portal/${ENTENTE}/$`));
    assert.match(first.greeting, /secretariat@lyon-2023\.entente\.localhost ; la tuile/);
    const url = portal.replace(/\/portal\/.*$/, "");
    assert.match(first.greeting, new RegExp(`État des services : ${url}/status/${ENTENTE}\\n`));

    // The portal is a registered hub client: an anonymous visit goes to the hub's sign-in.
    const visit = await fetch(portal, { redirect: "manual" });
    assert.ok(visit.status === 302 || visit.status === 303, `portal: ${visit.status}`);
    const signIn = new URL(visit.headers.get("location") ?? "");
    assert.equal(`${signIn.origin}${signIn.pathname}`, `${url}/oidc/auth`);
    assert.equal(signIn.searchParams.get("redirect_uri"), `${portal}callback`);
    assert.equal(signIn.searchParams.get("code_challenge_method"), "S256");
    const hub = await fetch(signIn, { redirect: "manual" });
    assert.ok(hub.status === 302 || hub.status === 303, `the hub refused the portal: ${hub.status}`);
    assert.match(hub.headers.get("location") ?? "", /\/interaction\//);

    // The demo service is catalogued, probed, listed by the status page; so is the hub itself,
    // probed by OIDC discovery of its own issuer, up once the probe loop asked it.
    assert.deepEqual(await statusNames(url), ["Fédération d'identité", "Service de démonstration"]);
    const hubEntry = await hubOnceUp(url);
    assert.deepEqual(
      [hubEntry?.id, hubEntry?.kind, hubEntry?.status],
      [`hub:${ENTENTE}`, "hub", "operational"],
    );
    const page = await fetch(`${url}/status/${ENTENTE}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Service de démonstration/);

    // As a new user: sign in to the portal with a demo account and see the demo service's tile.
    const tiles = await tilesAfterSignIn(portal);
    assert.equal(tiles.length, 1, JSON.stringify(tiles));
    assert.match(tiles[0] ?? "", /Service de démonstration$/);

    assert.equal((await server.stop()).code, 0);
    // Restarted at another address (URL B): the portal's client follows it, the first is refused.
    let port = String(await freePort("127.0.0.1"));
    while (url.endsWith(`:${port}`)) port = String(await freePort("127.0.0.1"));
    const second = await startServer(port);
    server = second.child;
    assert.match(second.greeting, /Données existantes conservées/);
    const again = /État des services : (http:\S+)\/status\//.exec(second.greeting)?.[1] ?? "";
    assert.equal(again, `http://127.0.0.1:${port}`);
    assert.deepEqual(
      await statusNames(again),
      ["Fédération d'identité", "Service de démonstration"],
      "nothing seeded twice",
    );
    const portalAgain = await fetch(`${again}/portal/${ENTENTE}/`, { redirect: "manual" });
    assert.ok([302, 303].includes(portalAgain.status), `portal: ${portalAgain.status}`);
    const signInAgain = new URL(portalAgain.headers.get("location") ?? "");
    assert.equal(`${signInAgain.origin}${signInAgain.pathname}`, `${again}/oidc/auth`);
    assert.equal(signInAgain.searchParams.get("redirect_uri"), `${again}/portal/${ENTENTE}/callback`);
    const accepted = await fetch(signInAgain, { redirect: "manual" });
    assert.ok([302, 303].includes(accepted.status), `the hub refused the new address: ${accepted.status}`);
    assert.match(accepted.headers.get("location") ?? "", /\/interaction\//);
    const old = new URL(signInAgain);
    old.searchParams.set("redirect_uri", `${portal}callback`);
    const refused = await fetch(old, { redirect: "manual" });
    assert.equal(refused.status, 400, `the first start's address is still accepted: ${refused.status}`);
    assert.match(await refused.text(), /redirect_uri/);
  });
});
