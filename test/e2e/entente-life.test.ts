import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import { libreOfficeText } from "../helpers/libreoffice-text.ts";
import {
  account,
  buildConsole,
  chromiumMissing,
  ENTENTE,
  launchChromium,
  type RunningServer,
  signIn,
  startServer,
} from "./console-harness.ts";
import { flat, Secretariat } from "./entente-life-steps.ts";

/**
 * Issue 9's "Done when" in Chromium: the Lyon entente from 2022 to 2027 as its secretariat runs
 * it, through the console pages (entente-life-steps.ts), on one database, steps in order:
 * the imported 2022 and 2023; 2023 adopted, called, partly paid; 2024 opened from 2023, adopted,
 * called; a commune joining in 2025 with a new key from 2025; 2025 adopted, called, paid; a DM on
 * 2025 drafted (a reader still sees the adopted 2025), adopted, its complementary calls issued;
 * 2026 and 2027 opened; every member's 2025 deliberation draft and fund call downloaded and read
 * back in LibreOffice. After every step the 2023 contributions of the seed have not moved.
 * The documents have no link in the console yet: they are fetched from their API routes with the
 * secretariat's session (GET, `page.request`).
 */
const missing = chromiumMissing();
if (missing) throw new Error(missing);

/** A commune's SIREN and SIRET with valid check digits (Luhn). */
const SIREN = "216902049";
const SIRET = "21690204900016";
const JOINING = "Commune de Saint-Genis-Laval";
/**
 * The server runs on the real clock, so every call is issued today: a payment is dated today,
 * never before its call's issue (`payment.before_issue`).
 */
const TODAY = new Date().toISOString().slice(0, 10);

describe("the Lyon entente from 2022 to 2027 in the console (Chromium)", { timeout: 420_000 }, () => {
  let webRoot: string;
  let docs: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let s: Secretariat;
  const errors: string[] = [];
  /** The API's JSON for `path` under the entente, with the secretariat's session. */
  const json = async (path: string) => {
    const answer = await page.request.get(`${server.url}/api/ententes/${ENTENTE}${path}`);
    assert.equal(answer.status(), 200, path);
    return answer.json();
  };
  type Member = { memberId: string; name: string; called: string; paid: string; due: string };
  const dashboardOf = async (year: number) =>
    (await json(`/dashboard?year=${year}`)) as {
      members: Member[];
      calls: { called: string; paid: string; due: string };
    };

  before(async () => {
    webRoot = mkdtempSync(join(tmpdir(), "entente-web-"));
    docs = mkdtempSync(join(tmpdir(), "entente-life-docs-"));
    await buildConsole(webRoot);
    server = await startServer(webRoot);
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.on("pageerror", (error) => errors.push(error.message));
    await signIn(page, server.url, account("secretariat"));
    s = new Secretariat(page, server.url);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (webRoot !== undefined) rmSync(webRoot, { recursive: true, force: true });
    if (docs !== undefined) rmSync(docs, { recursive: true, force: true });
  });

  it("2023 (imported with 2022) adopted, its calls issued, the Métropole's partly paid", async () => {
    await s.assert2023Unmoved();
    await s.adopt(2023, "Budget primitif 2023", "1re conférence intercommunale", "2022-12-12");
    await s.issueCalls(2023, "2023-03-31");
    await s.pay(2023, "Métropole de Lyon", "150 000", TODAY, "VIR-2023-1");
    const main = await s.dashboard(2023);
    assert.match(main, /150 000,00 €/);
    await page.locator(".figures").getByText("3 / 3 délibérations").waitFor();
    await s.assert2023Unmoved();
    assert.deepEqual(errors, []);
  });

  it("2024 opened from 2023 with its results carried over (001, 002), adopted, called", async () => {
    // 2023's operating result (002) comes back in 2024: the members' contribution is lowered by as much
    await s.openNext(2023, "350 000", "20 000");
    await s.raiseLine(2024, null, -20_000);
    await s.adopt(2024, "Budget primitif 2024", "Conférence du 13 novembre 2023", "2023-11-13");
    await s.issueCalls(2024, "2024-03-31");
    // 2023's 544 176 € of operating contributions less the 20 000 € result carried over
    assert.match(await s.dashboard(2024), /Total appelé 524 176,00 €/);
    await s.assert2023Unmoved();
    assert.deepEqual(errors, []);
  });

  it("2025 opened; a commune joins in 2025 with its SIREN, SIRET and accountant", async () => {
    await s.openNext(2024, "350 000");
    // no operating result of 2024 to carry over: the members' contribution covers it all again
    await s.raiseLine(2025, null, 20_000);
    await page.goto(s.at("/members"));
    await page.getByText("Ajouter un membre").first().click();
    const form = page.getByRole("form", { name: "Ajouter un membre" });
    await form.getByLabel("Nom").fill(JOINING);
    await form.getByLabel("SIREN").fill(SIREN);
    await form.getByLabel("SIRET").fill(SIRET);
    await form.getByLabel("Poste comptable", { exact: true }).fill("SGC d'Oullins");
    await form.getByLabel("Membre à partir de l'exercice").fill("2025");
    await form.getByRole("button", { name: "Ajouter le membre" }).click();
    await page.getByRole("heading", { name: `Compte de ${JOINING} par année` }).waitFor();
    const row = flat((await page.getByRole("row", { name: /Saint-Genis-Laval/ }).textContent()) ?? "");
    assert.match(row, /216902049/);
    assert.match(row, /depuis 2025/);
    assert.match(row, /SGC d'Oullins/);
    await s.assert2023Unmoved();
    // 2023 was adopted by its three assemblies: the commune joining in 2025 is not awaited
    await page.locator(".figures").getByText("3 / 3 délibérations").waitFor();
  });

  it("a population key from 2025 (key period form), 2025 adopted, called and paid", async () => {
    await page.goto(s.at("/keys"));
    await page.getByText("Modifier la clé à partir d'un exercice").click();
    const form = page.getByRole("form", { name: "Nouvelle période de la clé « Clé des missions socles »" });
    await form.getByLabel("À partir de l'exercice").fill("2025");
    await form.getByLabel("Nature des chiffres").selectOption("weights");
    await form.getByLabel("Source").fill("Populations légales INSEE 2022");
    for (const [name, population] of [
      ["Métropole de Lyon", "1 424 069"],
      ["Ville de Lyon", "522 250"],
      ["SITIV", "120 000"],
      [JOINING, "20 987"],
    ] as const)
      await form.getByLabel(`Pondération de ${name} (population, usage…)`).fill(population);
    await form.getByRole("button", { name: "Enregistrer la nouvelle période" }).click();
    const periods = page.getByRole("table", { name: "Périodes de la clé « Clé des missions socles »" });
    await periods.getByText("À partir de 2025").waitFor();
    // a member with a share in a mission's key takes part in the mission
    await s.joinMissions(JOINING, ["hebergement", "identite", "messagerie", "collaboratif"]);
    await s.adopt(2025, "Budget primitif 2025", "Conférence du 18 novembre 2024", "2024-11-18");
    await s.issueCalls(2025, "2025-03-31");
    for (const [n, member] of ["Métropole de Lyon", "Ville de Lyon", "SITIV", JOINING].entries())
      await s.pay(2025, member, "", TODAY, `VIR-2025-${n + 1}`);
    const d = await dashboardOf(2025);
    assert.equal(d.members.length, 4);
    for (const m of d.members) assert.equal(Number(m.due), 0, `${m.name} paid 2025`);
    assert.notEqual(Number(d.members.find((m) => m.name === JOINING)?.called), 0);
    await s.assert2023Unmoved();
    assert.deepEqual(errors, []);
  });

  let adopted2025: string;
  it("a DM on 2025 after its calls were paid: drafted, a reader still sees the adopted 2025", async () => {
    adopted2025 = JSON.stringify((await dashboardOf(2025)).members.map((m) => [m.name, m.called]));
    const readerText = async () => {
      const reader = await browser.newContext();
      try {
        const readerPage = await reader.newPage();
        await signIn(readerPage, server.url, account("lecture"));
        return await s.dashboard(2025, readerPage);
      } finally {
        await reader.close();
      }
    };
    const before = await readerText();
    await page.goto(s.at("/budget?year=2025"));
    await page.getByRole("button", { name: "Ouvrir une décision modificative" }).click();
    await page.getByText("Décision modificative ouverte : version 2 en projet.").waitFor();
    await s.raiseLine(2025, "Chef de projet", 12_000);
    assert.equal(await readerText(), before);
    assert.equal(
      JSON.stringify((await dashboardOf(2025)).members.map((m) => [m.name, m.called])),
      adopted2025,
    );
    await s.assert2023Unmoved();
  });

  it("the DM adopted, its complementary calls issued; the dashboard adds up", async () => {
    await s.adopt(2025, "Décision modificative n° 1 de 2025", "Conférence du 16 juin 2025", "2025-06-16");
    await page.goto(s.at("/amending-budget?year=2025"));
    await page.getByRole("heading", { level: 1, name: "Décision modificative 2025" }).waitFor();
    await page.getByLabel("Échéance").fill("2025-09-30");
    await page.getByRole("button", { name: "Émettre les titres de la décision modificative" }).click();
    await page.getByText("Titres émis : 4.").waitFor();
    const calls = (await json("/fund-calls?year=2025")) as { amount: string; called: string }[];
    const d = await dashboardOf(2025);
    const cents = (euros: string) => Math.round(Number(euros) * 100);
    const called = calls.reduce((sum, c) => sum + cents(c.called), 0);
    assert.equal(cents(d.calls.called), called);
    assert.equal(called - calls.reduce((sum, c) => sum + cents(c.amount), 0), 12_000_00);
    for (const m of d.members) assert.equal(cents(m.due), cents(m.called) - cents(m.paid), m.name);
    await s.assert2023Unmoved();
    assert.deepEqual(errors, []);
  });

  it("2026 and 2027 opened: the convention's six years, 2027 a draft", async () => {
    await s.openNext(2025, "350 000");
    await s.openNext(2026, "350 000");
    await page.getByText("Budget primitif 2027").first().waitFor();
    const entente = (await json("")) as { exercises: { year: number }[] };
    assert.deepEqual(
      entente.exercises.map((e) => e.year),
      [2022, 2023, 2024, 2025, 2026, 2027],
    );
    await s.assert2023Unmoved();
  });

  it("every member's 2025 deliberation draft and fund call read back in LibreOffice", async () => {
    const d = await dashboardOf(2025);
    assert.equal(d.members.length, 4);
    const shown = await s.dashboard(2025);
    /** Whole euros as the documents print them (rounding unit: the euro), e.g. "379 452". */
    const euros = (amount: string) => Number(amount).toLocaleString("fr-FR").replace(/\s/g, " ");
    const downloaded: string[] = [];
    const read = async (path: string, name: string) => {
      const answer = await page.request.get(`${server.url}/api/ententes/${ENTENTE}${path}`);
      assert.equal(answer.status(), 200, path);
      const file = join(docs, name);
      writeFileSync(file, await answer.body());
      downloaded.push(name);
      return flat(libreOfficeText(file));
    };
    for (const m of d.members) {
      // the dashboard shows what was called (the call and its DM title), paid and due
      assert.ok(shown.includes(`${euros(m.called)},00 €`), `dashboard 2025: ${m.name} ${m.called}`);
      const deliberation = await read(
        `/exercises/2025/members/${m.memberId}/deliberation.odt`,
        `deliberation-2025-${m.memberId}.odt`,
      );
      assert.match(deliberation, /articles L5221-1 et L5221-2/);
      assert.ok(deliberation.includes(`Approbation du budget 2025 et de la contribution de ${m.name}`));
      assert.ok(
        deliberation.includes(`d'un montant de ${euros(m.called)} €`),
        `${m.name} approves ${m.called}`,
      );
      assert.match(deliberation, /exercice 2025 - chapitre 65/);
      const call = await read(
        `/fund-calls/2025/${m.memberId}/fund-call.odt`,
        `appel-de-fonds-2025-${m.memberId}.odt`,
      );
      assert.ok(call.includes(`Référence de l'appel : AF-2025-${m.memberId}`), m.name);
      assert.ok(call.includes(`Titre complémentaire AF-2025-${m.memberId}-DM1`), m.name);
      assert.ok(call.includes(`Total appelé après décisions modificatives ${euros(m.called)}`), m.name);
      assert.ok(call.includes(`Déjà versé ${euros(m.paid)}`), m.name);
      assert.ok(call.includes(`Reste à verser : ${euros(m.due)} €`), m.name);
    }
    assert.equal(downloaded.length, 8);
    await s.assert2023Unmoved();
    assert.deepEqual(errors, []);
  });
});
