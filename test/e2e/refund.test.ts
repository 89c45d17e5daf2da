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
 * Issue 9, items 4 and 5 in Chromium (task H7): a DM of 2022 carrying a régularisation (the
 * Métropole advanced 10 000 € more) is adopted after the Métropole paid its 2023 call in full;
 * its reduction leaves a trop-perçu, which the secretariat refunds from the fund calls page
 * (more than the trop-perçu refused as typed); the DM's deliberation drafts are offered per member.
 */
const missing = chromiumMissing();
if (missing) throw new Error(missing);

describe("a DM carrying a régularisation, then the refund of the trop-perçu (Chromium)", {
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

  it("the DM of 2022 adopted after the 2023 calls were paid: a reduction, a trop-perçu", async () => {
    await page.goto(at("/"));
    await adopt(2022, "2022-06-01");
    await adopt(2023, "2022-12-12");
    const issued = await api("POST", "fund-calls/2023", { dueOn: "2023-03-31" });
    assert.equal(issued[0], 201, JSON.stringify(issued[1]));
    // The server runs on the real clock: the calls were issued today, so the payment is of today.
    const paid = { amount: "305797", paidOn: new Date().toISOString().slice(0, 10), reference: "virement 1" };
    const payment = await api("POST", "fund-calls/2023/metropole/payments", paid);
    assert.equal(payment[0], 201, JSON.stringify(payment[1]));
    assert.equal((await api("POST", "exercises/2022/budget/versions", {}))[0], 201);
    const [, settlement] = await api("GET", "exercises/2022/settlement");
    const [saved] = await api("PUT", "exercises/2022/settlement", {
      rowVersion: settlement.rowVersion,
      advances: settlement.advances.map((a: object) => ({ ...a, amount: "80140" })),
      adjustments: settlement.adjustments,
    });
    assert.equal(saved, 200);
    await page.goto(at("/amending-budget?year=2022"));
    await page.getByRole("heading", { name: /Projets de délibération des membres/ }).waitFor();
    const link = page.getByRole("link", { name: "Métropole de Lyon — ODT" });
    assert.match(
      (await link.getAttribute("href")) ?? "",
      /amending-budget\/members\/metropole\/deliberation\.odt$/,
    );
    await adopt(2022, "2023-06-20");
    assert.equal(
      (await api("POST", "exercises/2022/fund-call-corrections", { dueOn: "2023-09-30" }))[0],
      201,
    );
  });

  it("a payment dated before its call was issued: the form shows why at the date field, nothing recorded", async () => {
    await page.goto(at("/fund-calls?year=2023"));
    await page.getByRole("button", { name: "Enregistrer un paiement — Ville de Lyon" }).click();
    await page.getByLabel("Date du paiement").fill("2023-04-02");
    await page.getByRole("button", { name: "Enregistrer le paiement" }).click();
    const error = page.locator("#payment-date-error");
    await error.waitFor();
    assert.match(
      (await error.textContent()) ?? "",
      /2 avril 2023 précède l'émission de l'appel de fonds AF-2023-ville-lyon/,
    );
    assert.equal(await page.locator("#payment-date").getAttribute("aria-invalid"), "true");
    assert.deepEqual(await accessibilityViolations(page), []);
    const [, calls] = await api("GET", "fund-calls?year=2023");
    assert.equal(
      (calls as { memberId: string; paid: string }[]).find((c) => c.memberId === "ville-lyon")?.paid,
      "0.00",
    );
  });

  it("the secretariat refunds the trop-perçu: more is refused as typed, then 0 is due", async () => {
    const [, calls] = await api("GET", "fund-calls?year=2023");
    const metropole = (calls as { memberId: string; due: string }[]).find((c) => c.memberId === "metropole");
    const overpaid = -Number(metropole?.due);
    assert.ok(overpaid > 1);
    // A first mandat of 1 € already recorded: its reference is the call's, once.
    const first = {
      amount: "1",
      refundedOn: new Date().toISOString().slice(0, 10),
      reference: "Mandat 2023-117",
    };
    assert.equal((await api("POST", "fund-calls/2023/metropole/refunds", first))[0], 201);
    await page.goto(at("/fund-calls?year=2023"));
    await page.getByRole("button", { name: /Rembourser le trop-perçu.*Métropole de Lyon/ }).click();
    await page.getByRole("heading", { name: "Remboursement du trop-perçu de Métropole de Lyon" }).waitFor();
    const amount = page.locator("#refund-amount");
    await amount.fill(String(overpaid + 1).replace(".", ","));
    await page
      .getByText(/dépasse le trop-perçu/)
      .first()
      .waitFor();
    await amount.fill(((Math.round(overpaid * 100) - 100) / 100).toFixed(2).replace(".", ","));
    // Dated tomorrow, then under the first mandat's reference: each refused at its field.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await page.locator("#refund-date").fill(tomorrow);
    await page.locator("#refund-reference").fill("Mandat 2023-117");
    const save = page.getByRole("button", { name: "Enregistrer le remboursement" });
    await save.click();
    await page
      .locator("#refund-date-error")
      .getByText(/ne se date pas dans le futur/)
      .waitFor();
    await page.locator("#refund-date").fill(new Date().toISOString().slice(0, 10));
    await save.click();
    await page
      .locator("#refund-reference-error")
      .getByText(/« Mandat 2023-117 ».* est déjà enregistré/)
      .waitFor();
    assert.equal(await page.locator("#refund-reference").getAttribute("aria-invalid"), "true");
    await page.locator("#refund-reference").fill("Mandat 2023-118");
    await save.click();
    await page.getByText(/Remboursement enregistré : le reste dû de Métropole de Lyon est de 0,00/).waitFor();
    const main = await textOfMain();
    assert.match(main, /Trop-perçus remboursés/);
    assert.match(main, /Mandat 2023-118/);
    assert.deepEqual(await accessibilityViolations(page), []);
    const [, dashboard] = await api("GET", "dashboard?year=2023");
    const row = dashboard.members.find((m: { memberId: string }) => m.memberId === "metropole");
    assert.equal(row.due, "0.00");
    assert.equal(Number(row.refunded), overpaid);
    assert.deepEqual(errors, []);
  });
});
