import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { type ComposedConsole, seedExample } from "../../src/compose.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { buildConsoleApp, ConsoleClient } from "../helpers/console-client.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { LYON } from "../helpers/run-cli.ts";

const PASSWORD = "mot-de-passe-de-test";
/** The console's clock in these tests (console-client.ts): 2026-01-15. */
const TOMORROW = "2026-01-16";

/**
 * Fresh-user findings, items 3 to 5: deliberations and payments are not dated in the future, fund
 * calls are issued with their due date, a 0,00 € call is settled at once, a zero payment is
 * refused as not positive (not "negative").
 */
describeOnDatabases("dates and amounts of acts over HTTP", (get) => {
  let app: ZodFastifyInstance;
  let composed: ComposedConsole;
  let client: ConsoleClient;
  before(async () => {
    ({ app, composed } = await buildConsoleApp(get()));
    await seedExample(composed, "lyon", await readEntenteFile(LYON), PASSWORD);
    client = new ConsoleClient(app);
    await client.signIn("secretariat@lyon.entente.localhost", PASSWORD);
  });
  after(async () => app.close());

  const problem = (reply: {
    status: number;
    json(): { code: string; detail: string; errors: { field: string }[] };
  }) => [reply.status, reply.json().code, reply.json().errors[0]?.field];

  it("a deliberation dated tomorrow is refused and completes no adoption; dated today it does", async () => {
    const joined = await client.send("POST", "/api/ententes/lyon/members", {
      id: "villeurbanne",
      name: "Ville de Villeurbanne",
      kind: "commune",
      siren: "216902643",
      siret: null,
      assembly: null,
      from: 2025,
      to: null,
      accountant: null,
    });
    assert.equal(joined.status, 201);
    const decision = (
      await client.send("POST", "/api/ententes/lyon/decisions", {
        subject: "Budget 2023",
        conferenceDate: "2022-11-07",
        conferenceLabel: "Conférence",
        budgetYear: 2023,
      })
    ).json();
    const ratify = (r: { memberId: string; rowVersion: number }, deliberatedOn: string) =>
      client.send("PUT", `/api/ententes/lyon/decisions/${decision.id}/ratifications/${r.memberId}`, {
        status: "ratified",
        deliberationNumber: "2022-1356",
        deliberatedOn,
        rowVersion: r.rowVersion,
      });
    const [first, ...others] = decision.ratifications;
    for (const r of others) assert.equal((await ratify(r, "2022-12-12")).status, 200);
    const future = await ratify(first, TOMORROW);
    assert.deepEqual(problem(future), [422, "date.in_future", "deliberatedOn"]);
    assert.match(future.json().detail, /2026-01-16.*2026-01-15.*délibération/);
    const dashboard = (await client.send("GET", "/api/ententes/lyon/dashboard?year=2023")).json();
    assert.notEqual(dashboard.budget.status, "adopted");
    assert.equal((await ratify(first, "2026-01-15")).status, 200);
  });

  it("fund calls without a due date: 422 at dueOn, nothing issued; with one they are issued", async () => {
    const none = await client.send("POST", "/api/ententes/lyon/fund-calls/2023", { dueOn: null });
    assert.deepEqual(problem(none), [422, "fund_call.due_on_required", "dueOn"]);
    assert.deepEqual((await client.send("GET", "/api/ententes/lyon/fund-calls?year=2023")).json(), []);
    const issued = await client.send("POST", "/api/ententes/lyon/fund-calls/2023", { dueOn: "2026-03-31" });
    assert.equal(issued.status, 201, JSON.stringify(issued.json()));
    const calls = issued.json() as { memberId: string; called: string; status: string }[];
    assert.deepEqual(
      calls.map((c) => [c.memberId, c.called, c.status]),
      [
        ["metropole", "305797.00", "issued"],
        ["ville-lyon", "217051.00", "issued"],
        ["sitiv", "116328.00", "issued"],
        ["villeurbanne", "0.00", "paid"],
      ],
    );
  });

  it("a payment of 0 is « not positive », not « négatif »; a payment dated tomorrow is refused; today it is recorded", async () => {
    const pay = (amount: string, paidOn: string) =>
      client.send("POST", "/api/ententes/lyon/fund-calls/2023/metropole/payments", {
        amount,
        paidOn,
        reference: null,
      });
    const zero = await pay("0", "2026-01-15");
    assert.deepEqual(problem(zero), [422, "payment.not_positive", "amount"]);
    assert.doesNotMatch(zero.json().detail, /négati/);
    assert.match(zero.json().detail, /strictement positif/);
    const future = await pay("100", TOMORROW);
    assert.deepEqual(problem(future), [422, "date.in_future", "paidOn"]);
    const calls = (await client.send("GET", "/api/ententes/lyon/fund-calls?year=2023")).json();
    assert.equal(calls[0].paid, "0.00", "nothing recorded");
    assert.equal((await pay("100", "2026-01-15")).status, 201);
  });
});
