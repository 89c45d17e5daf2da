import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import {
  accessibilityViolations,
  account,
  buildConsole,
  chromiumMissing,
  ENTENTE,
  launchChromium,
  type RunningServer,
  signIn,
  startServer,
} from "./console-harness.ts";

/**
 * Tester: the Tableaux page of an unbalanced draft showed the "write" error text ("données
 * envoyées… rien n'a été enregistré") and six download links that answered 422.
 */
const missing = chromiumMissing();
if (missing) throw new Error(missing);

const BIG = "999999999999.99";
const line = (amount: string) => ({
  missionId: null,
  label: "Ligne",
  section: "investissement",
  direction: "expense",
  receiptKind: null,
  amount,
  nature: null,
});

describe("the tables page of an unbalanced draft (Chromium)", { timeout: 300_000 }, () => {
  let webRoot: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
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

  before(async () => {
    webRoot = mkdtempSync(join(tmpdir(), "entente-web-"));
    await buildConsole(webRoot);
    server = await startServer(webRoot);
    browser = await launchChromium();
    page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR" })
    ).newPage();
    await signIn(page, server.url, account("secretariat"));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (webRoot !== undefined) rmSync(webRoot, { recursive: true, force: true });
  });

  it("says the draft breaks a rule, lists the problems in words, disables the downloads", async () => {
    const [, budget] = await api("GET", "exercises/2023/budget");
    const [saved] = await api("PUT", "exercises/2023/budget", {
      rowVersion: budget.rowVersion,
      lines: [line(BIG), line(BIG)],
    });
    assert.equal(saved, 200);
    const [status, problem] = await api("GET", "budget/2023/export.md");
    assert.equal(status, 422);
    assert.doesNotMatch(problem.detail, /données envoyées|rien n'a été enregistré/);
    assert.match(problem.detail, /données enregistrées/);

    await page.goto(`${server.url}/ententes/${ENTENTE}/tables?year=2023`);
    const alert = page.getByRole("alert").filter({ hasText: "ne peuvent pas encore être produits" });
    await alert.waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is what a person sees
    const text = (await page.locator("main").innerText()).replace(/\s+/g, " ");
    assert.doesNotMatch(text, /données envoyées|rien n'a été enregistré/);
    assert.ok((await alert.locator("li").count()) > 0, text);
    assert.match(text, /Téléchargements indisponibles/);
    assert.equal(await page.locator("main a[download]").count(), 0);
    assert.deepEqual(await accessibilityViolations(page), []);
  });
});
