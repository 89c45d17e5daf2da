import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { Locator, Page } from "playwright-core";
import { lyonWithStorageText } from "../workplace/usage-fixtures.ts";
import {
  accessibilityViolations,
  account,
  chromiumMissing,
  ENTENTE,
  type RunningServer,
  signedInConsole,
  signIn,
} from "./console-harness.ts";

/**
 * Issue 11 §2 in Chromium, the usage key page: the Lyon example with a mission spécifique
 * « Stockage partagé » on its own operating key, the demo service in the catalogue with the
 * Métropole subscribed for 300 accounts and the Ville for 100; the secretariat computes the usage
 * key of 2023 from the accounts (a preview, nothing stored), then freezes it from 2023; a member's
 * finance officer sees the frozen key with its period and no form. The steps run in order.
 */
const missing = chromiumMissing();
if (missing) throw new Error(missing);

describe("the usage key page (Chromium)", { timeout: 300_000 }, () => {
  const app = signedInConsole("secretariat");
  const errors = app.errors;
  let server: RunningServer;
  let page: Page;
  const at = (path: string) => `${server.url}/ententes/${ENTENTE}${path}`;
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is what a person sees
  const textOf = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, " ");
  const textOfMain = () => textOf(page.locator("main"));
  /** A call of the API from the signed-in page (its session and CSRF token): [status, body]. */
  const api = (method: string, path: string, body?: unknown) =>
    page.evaluate(
      async ([m, p, b]) => {
        const { csrfToken } = await (await fetch("/api/session")).json();
        const answer = await fetch(`/api/ententes/${p}`, {
          method: m as string,
          headers: { "content-type": "application/json", "x-csrf-token": csrfToken },
          ...(b === undefined ? {} : { body: JSON.stringify(b) }),
        });
        const text = await answer.text();
        return [answer.status, text === "" ? null : JSON.parse(text)] as const;
      },
      [method, `${ENTENTE}/${path}`, body] as const,
    );
  const stockagePeriods = async () =>
    (
      (await page.evaluate(`fetch("/api/ententes/${ENTENTE}").then((r) => r.json())`)) as {
        keys: { id: string; periods: { from: number | null }[] }[];
      }
    ).keys
      .find((k) => k.id === "stockage")
      ?.periods.map((p) => p.from);

  before(() => {
    server = app.server();
    page = app.page();
  });

  it("set-up: a mission spécifique on its own key, the demo service in the catalogue, two members subscribed", async () => {
    const [applied, answer] = await api("PUT", "entente-file", { text: lyonWithStorageText() });
    assert.equal(applied, 200, JSON.stringify(answer));
    await page.goto(at("/"));
    await page.getByRole("link", { name: "Catalogue de services" }).click();
    await page.getByLabel(/^Adresse/).fill("https://demo.lyon.test/");
    await page.getByRole("button", { name: "Ajouter au catalogue" }).click();
    await page.getByRole("table", { name: /Services du catalogue \(1\)/ }).waitFor();
    const [, services] = (await api("GET", "workplace/services")) as readonly [
      number,
      { clientId: string }[],
    ];
    const clientId = services[0]?.clientId ?? "";
    for (const [member, seats] of [
      ["metropole", 300],
      ["ville-lyon", 100],
    ] as const) {
      const [status, body] = await api("PUT", `workplace/services/${clientId}/subscriptions/${member}`, {
        startsOn: "2023-01-01",
        endsOn: null,
        roles: null,
        groups: null,
        seats: { value: seats, unit: "accounts" },
        storagePerAccount: null,
        storagePerMember: null,
        rowVersion: null,
      });
      assert.equal(status, 200, JSON.stringify(body));
    }
  });

  it("the secretariat previews the 2023 usage key from the accounts: 3/4, 1/4, 0 — nothing stored", async () => {
    await page.goto(at("/"));
    await page.getByRole("link", { name: "Clé d'usage" }).click();
    await page.getByRole("heading", { level: 1, name: "Clé d'usage" }).waitFor();
    assert.match(await textOfMain(), /Aucune clé d'usage figée pour l'instant/);
    const form = page.getByRole("form", { name: "Calculer une clé d'usage" });
    assert.equal(await form.getByLabel("Mission spécifique").inputValue(), "stockage");
    assert.equal(await form.getByLabel("Exercice").inputValue(), "2023");
    await form.getByLabel("Ce qui est compté").selectOption("seats");
    await form.getByRole("button", { name: "Calculer (aperçu, rien n'est enregistré)" }).click();
    const preview = page.getByRole("table", {
      name: "Aperçu de la clé d'usage « Clé du stockage partagé » en 2023",
    });
    await preview.waitFor();
    const row = async (name: string) => textOf(preview.getByRole("row", { name: new RegExp(`^${name}`) }));
    assert.match(await row("Métropole de Lyon"), /300 300 300 75 %/);
    assert.match(await row("Ville de Lyon"), /100 100 100 25 %/);
    assert.match(await row("SITIV"), /0 0 0 0 %/);
    assert.match(await textOfMain(), /Source : .*comptes|Source : .*seats/i);
    assert.deepEqual(await stockagePeriods(), [null]);
    assert.deepEqual(await accessibilityViolations(page), []);
  });

  it("frozen from 2023: stored as the key's period, shown with its period to every reader", async () => {
    await page.getByRole("button", { name: "Figer la clé à partir de 2023" }).click();
    await page.getByText("Clé figée à partir de 2023 : les exercices précédents gardent la leur.").waitFor();
    const frozen = page.getByRole("table", {
      name: "Stockage partagé (fonctionnement) — clé « Clé du stockage partagé » à partir de 2023",
    });
    await frozen.waitFor();
    assert.match(await textOf(frozen), /Métropole de Lyon 75 % Ville de Lyon 25 %/);
    assert.deepEqual(await stockagePeriods(), [null, 2023]);
    const [, audit] = (await api("GET", "audit")) as readonly [number, unknown];
    assert.match(JSON.stringify(audit), /stockage/);
    assert.deepEqual(await accessibilityViolations(page), []);
    await page.context().clearCookies();
    await signIn(page, server.url, account("finance.ville-lyon"));
    await page.goto(at("/usage-key"));
    await frozen.waitFor();
    assert.equal(await page.getByRole("form", { name: "Calculer une clé d'usage" }).count(), 0);
    assert.deepEqual(await accessibilityViolations(page), []);
    assert.deepEqual(errors, []);
  });
});
