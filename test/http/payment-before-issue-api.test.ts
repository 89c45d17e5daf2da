import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { seedExample } from "../../src/compose.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { buildConsoleApp, ConsoleClient } from "../helpers/console-client.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { LYON } from "../helpers/run-cli.ts";

const PASSWORD = "mot-de-passe-de-test";
const BASE = "/api/ententes/lyon";
const PAYMENTS = `${BASE}/fund-calls/2023/metropole/payments`;

/**
 * Fresh-user finding: a payment dated before its fund call was issued was accepted, the call's
 * issue being dated by the database's clock rather than the application's. The calls are issued
 * on 1 January 2026 by the injected clock, which then moves on to March: a payment of
 * 31 December 2025 is refused at `paidOn`, naming the issue date in words; one of the issue day
 * is recorded.
 */
describeOnDatabases("a payment dated before its fund call was issued, over HTTP", (get) => {
  let app: ZodFastifyInstance;
  let client: ConsoleClient;
  let now = new Date("2026-01-01T09:00:00Z");
  before(async () => {
    const built = await buildConsoleApp(get(), () => now);
    app = built.app;
    await seedExample(built.composed, "lyon", await readEntenteFile(LYON), PASSWORD);
    client = new ConsoleClient(app);
    await client.signIn("secretariat@lyon.entente.localhost", PASSWORD);
    const decision = (
      await client.send("POST", `${BASE}/decisions`, {
        subject: "Budget 2023",
        conferenceDate: "2022-12-12",
        conferenceLabel: "Conférence",
        budgetYear: 2023,
      })
    ).json();
    for (const r of decision.ratifications) {
      const reply = await client.send("PUT", `${BASE}/decisions/${decision.id}/ratifications/${r.memberId}`, {
        status: "ratified",
        deliberationNumber: `2023-${r.memberId}`,
        deliberatedOn: "2022-12-12",
        rowVersion: r.rowVersion,
      });
      assert.equal(reply.status, 200, reply.raw.toString());
    }
    const issued = await client.send("POST", `${BASE}/fund-calls/2023`, { dueOn: "2026-03-31" });
    assert.equal(issued.status, 201, issued.raw.toString());
    now = new Date("2026-03-02T09:00:00Z");
    await client.signIn("secretariat@lyon.entente.localhost", PASSWORD); // two months later
  });
  after(async () => app.close());

  const pay = (paidOn: string, lang = "fr") =>
    client.send("POST", PAYMENTS, { amount: "100", paidOn, reference: null }, { lang });

  it("before the issue day: 422 payment.before_issue at paidOn, the issue date in words, nothing recorded", async () => {
    const early = await pay("2025-12-31");
    assert.equal(early.status, 422, early.raw.toString());
    const problem = early.json();
    assert.equal(problem.code, "payment.before_issue");
    assert.deepEqual(
      problem.errors.map((e: { field: string }) => e.field),
      ["paidOn"],
    );
    assert.match(problem.errors[0].message, /1er janvier 2026/);
    assert.match(problem.errors[0].message, /31 décembre 2025/);
    assert.match(problem.errors[0].message, /AF-2023-metropole/);
    const english = (await pay("2025-12-31", "en")).json();
    assert.match(english.errors[0].message, /issued, on 1 January 2026/);
    const calls = (await client.send("GET", `${BASE}/fund-calls?year=2023`)).json();
    assert.equal(calls[0].paid, "0.00", "nothing recorded");
  });

  it("on the issue day (the injected clock's, not the database's), the payment is recorded", async () => {
    const paid = await pay("2026-01-01");
    assert.equal(paid.status, 201, paid.raw.toString());
    assert.equal(paid.json().paid, "100.00");
  });
});
