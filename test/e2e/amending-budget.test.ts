import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import {
  accessibilityViolations,
  chromiumMissing,
  ENTENTE,
  type RunningServer,
  signedInConsole,
} from "./console-harness.ts";

/**
 * Issue 9, item 4 in Chromium: 2023 adopted, its calls issued and the Métropole's partly paid;
 * the secretariat opens a décision modificative, sees it beside the adopted budget, has it
 * adopted, issues its complementary calls; the dashboard adds up and the adopted 2023 call of
 * every member never moves. The steps run in order on one database.
 */
const missing = chromiumMissing();
if (missing) throw new Error(missing);

describe("an amending budget after the calls were paid, in the console (Chromium)", {
  timeout: 300_000,
}, () => {
  const app = signedInConsole("secretariat");
  const errors = app.errors;
  let server: RunningServer;
  let page: Page;
  const at = (path: string) => `${server.url}/ententes/${ENTENTE}${path}`;
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is what a person sees
  const textOfMain = async () => (await page.locator("main").innerText()).replace(/\s+/g, " ");
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
  /** Adopts `year`'s latest version: the conference's decision, then every member's deliberation. */
  const adopt = async (year: number, date: string) => {
    const [, decision] = await api("POST", "decisions", {
      subject: `Budget ${year}`,
      conferenceDate: date,
      conferenceLabel: "Conférence",
      budgetYear: year,
    });
    for (const r of decision.ratifications) {
      const [status] = await api("PUT", `decisions/${decision.id}/ratifications/${r.memberId}`, {
        status: "ratified",
        deliberationNumber: `${year}-${r.memberId}`,
        deliberatedOn: date,
        rowVersion: r.rowVersion,
      });
      assert.equal(status, 200);
    }
  };

  before(() => {
    server = app.server();
    page = app.page();
  });

  it("2023 adopted, called, 150 000 € paid by the Métropole; a DM opened on the budget page", async () => {
    await adopt(2023, "2022-12-12");
    assert.equal((await api("POST", "fund-calls/2023", { dueOn: "2023-03-31" }))[0], 201);
    const paid = await api("POST", "fund-calls/2023/metropole/payments", {
      amount: "150000",
      paidOn: new Date().toISOString().slice(0, 10), // the calls' issue day (the server's real clock)
      reference: "virement 1",
    });
    assert.equal(paid[0], 201);
    await page.goto(at("/budget?year=2023"));
    await page.getByRole("button", { name: "Ouvrir une décision modificative" }).click();
    await page.getByText("Décision modificative ouverte : version 2 en projet.").waitFor();
    // The DM's lines: 9 999 € more for the project lead, financed by the members.
    const [, draft] = await api("GET", "exercises/2023/budget");
    type Line = {
      label: string;
      direction: string;
      receiptKind: string | null;
      section: string;
      amount: string;
    };
    const lines = (draft.lines as Line[]).map((l) =>
      l.label === "Chef de projet" || (l.receiptKind === "contribution" && l.section === "fonctionnement")
        ? { ...l, amount: (Number(l.amount) + 9999).toFixed(2) }
        : l,
    );
    assert.equal(
      (await api("PUT", "exercises/2023/budget", { rowVersion: draft.rowVersion, lines }))[0],
      200,
    );
  });

  it("the DM beside the adopted budget; the dashboard still shows the adopted 2023", async () => {
    await page.goto(at("/amending-budget?year=2023"));
    await page.getByRole("heading", { level: 1, name: "Décision modificative 2023" }).waitFor();
    const lead = page.locator("#amending-lines").getByRole("row", { name: /Chef de projet/ });
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is what a person sees
    assert.match((await lead.innerText()).replace(/\s+/g, " "), /140 000,00 € 149 999,00 € 9 999,00 €/);
    await page
      .locator("#amending-members-2023")
      .getByRole("row", { name: /Métropole de Lyon/ })
      .waitFor();
    assert.deepEqual(await accessibilityViolations(page), []);
    await page.goto(at("/?year=2023"));
    await page.getByRole("row", { name: /Métropole de Lyon/ }).waitFor();
    const main = await textOfMain();
    for (const figure of ["305 797,00 €", "217 051,00 €", "116 328,00 €"])
      assert.ok(main.includes(figure), figure);
  });

  it("adopted: its complementary calls are issued, the calls add up, the original calls never move", async () => {
    await adopt(2023, "2023-06-20");
    // adopted, not issued yet: the dashboard says what is pending and where to issue it
    await page.goto(at("/?year=2023"));
    await page.getByText(/attend l'émission de ses titres complémentaires/).waitFor();
    await page.getByRole("link", { name: "émettre les titres" }).click();
    await page.getByRole("heading", { level: 1, name: "Décision modificative 2023" }).waitFor();
    await page.getByLabel("Échéance").fill("2023-09-30");
    await page.getByRole("button", { name: "Émettre les titres de la décision modificative" }).click();
    await page.getByText("Titres émis : 3.").waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is what a person sees
    const corrections = await page.locator("#amending-corrections").innerText();
    assert.match(corrections, /AF-2023-metropole-DM1/);
    assert.match(corrections, /Titre complémentaire/);
    const [, calls] = await api("GET", "fund-calls?year=2023");
    type Call = { amount: string; called: string; paid: string; due: string };
    assert.deepEqual(
      (calls as Call[]).map((c) => c.amount),
      ["305797.00", "217051.00", "116328.00"],
    );
    const called = (calls as Call[]).reduce((s, c) => s + Number(c.called), 0);
    assert.equal(called, 639176 + 9999);
    for (const c of calls as Call[]) assert.equal(Number(c.due), Number(c.called) - Number(c.paid));
    await page.goto(at("/fund-calls?year=2023"));
    await page.getByRole("row", { name: /^Métropole de Lyon AF-2023-/ }).waitFor();
    assert.match(await textOfMain(), /AF-2023-metropole-DM1/);
    assert.deepEqual(await accessibilityViolations(page), []);
    assert.deepEqual(errors, []);
  });
});
