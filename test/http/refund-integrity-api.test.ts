import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { seedExample } from "../../src/compose.ts";
import { createFundCallStore } from "../../src/finance/db/fund-call-store.ts";
import { EntenteError } from "../../src/finance/errors.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import type { OpenDatabase } from "../../src/platform/db/open-database.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { adoptOverHttp, raise2022AdvanceByDm } from "../helpers/adopt-over-http.ts";
import { buildConsoleApp, ConsoleClient } from "../helpers/console-client.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { LYON } from "../helpers/run-cli.ts";

// A tester's findings on refunds (mandats de remboursement) and payments: a payment cancelled
// after a refund left a negative net paid; a refund dated tomorrow was recorded; a replayed
// refund was recorded twice; a 0 € refund was told to enter « le montant reçu ».
const PASSWORD = "mot-de-passe-de-test";
const BASE = "/api/ententes/lyon";
const CALL = `${BASE}/fund-calls/2023/metropole`;
const TODAY = "2026-01-15"; // the console's clock (console-client.ts), the calls' issue day

type Problem = { code: string; errors: { field: string; message: string }[] };
const messageOf = (problem: Problem): string => problem.errors[0]?.message ?? "";
type Call = { memberId: string; paid: string; due: string; called: string; refunded: string };

/**
 * The Métropole pays its 2023 call in two payments (305 777 € then 20 €); a DM of 2022 raising its
 * advance then reduces that call, leaving a trop-perçu (as test/http/refund-api.test.ts).
 */
async function setUpOverpaidCall(
  database: OpenDatabase,
): Promise<{ app: ZodFastifyInstance; client: ConsoleClient; paymentIds: string[] }> {
  const paymentIds: string[] = [];
  const built = await buildConsoleApp(database);
  const app = built.app;
  await seedExample(built.composed, "lyon", await readEntenteFile(LYON), PASSWORD);
  const client = new ConsoleClient(app);
  await client.signIn("secretariat@lyon.entente.localhost", PASSWORD);
  await adoptOverHttp(client, 2022, "2022-06-01");
  await adoptOverHttp(client, 2023, "2022-12-12");
  assert.equal((await client.send("POST", `${BASE}/fund-calls/2023`, { dueOn: "2023-03-31" })).status, 201);
  for (const [amount, reference] of [
    ["305777", "virement 1"],
    ["20", "virement 2"],
  ]) {
    const paid = await client.send("POST", `${CALL}/payments`, { amount, paidOn: TODAY, reference });
    assert.equal(paid.status, 201, paid.raw.toString());
    const payments: { id: string; reference: string }[] = paid.json().payments;
    paymentIds.push(payments.find((p) => p.reference === reference)?.id ?? "");
  }
  await raise2022AdvanceByDm(client, { advance: "80140", adoptedOn: "2023-06-20", dueOn: "2023-09-30" });
  const calls = (await client.send("GET", `${BASE}/fund-calls?year=2023`)).json();
  assert.ok(Number(calls.find((c: Call) => c.memberId === "metropole").due) < -100, "a trop-perçu");
  return { app, client, paymentIds };
}

describeOnDatabases("refunds and payments kept consistent, over HTTP", (get) => {
  let app: ZodFastifyInstance;
  let client: ConsoleClient;
  let paymentIds: string[] = [];
  const metropole = async (): Promise<Call> =>
    (await client.send("GET", `${BASE}/fund-calls?year=2023`))
      .json()
      .find((c: Call) => c.memberId === "metropole");
  const refund = (amount: string, refundedOn: string, reference: string, lang = "fr") =>
    client.send("POST", `${CALL}/refunds`, { amount, refundedOn, reference }, { lang });

  before(async () => {
    ({ app, client, paymentIds } = await setUpOverpaidCall(get()));
  });
  after(async () => app.close());

  it("a 0 € refund: refund.not_positive at amount, telling to enter the amount refunded", async () => {
    const zero = await refund("0.00", TODAY, "M-0");
    assert.equal(zero.status, 422, zero.raw.toString());
    const problem: Problem = zero.json();
    assert.equal(problem.code, "refund.not_positive");
    assert.deepEqual(
      problem.errors.map((e) => e.field),
      ["amount"],
    );
    assert.match(messageOf(problem), /Saisissez le montant remboursé/);
    assert.doesNotMatch(messageOf(problem), /reçu/);
    const english: Problem = (await refund("0", TODAY, "M-0", "en")).json();
    assert.match(messageOf(english), /Enter the amount refunded/);
  });

  it("refund dates: tomorrow is date.in_future, before the call's issue refund.before_issue, both at refundedOn", async () => {
    const tomorrow = await refund("1", "2026-01-16", "M-future");
    assert.equal(tomorrow.status, 422, tomorrow.raw.toString());
    const problem: Problem = tomorrow.json();
    assert.equal(problem.code, "date.in_future");
    assert.deepEqual(
      problem.errors.map((e) => e.field),
      ["refundedOn"],
    );
    assert.match(messageOf(problem), /un remboursement de trop-perçu ne se date pas dans le futur/);
    const english: Problem = (await refund("1", "2026-01-16", "M-future", "en")).json();
    assert.match(messageOf(english), /a refund of an overpayment is not dated in the future/);
    const early = await refund("1", "2026-01-14", "M-early");
    assert.equal(early.status, 422, early.raw.toString());
    assert.equal(early.json().code, "refund.before_issue");
    assert.equal(early.json().errors[0].field, "refundedOn");
    assert.equal((await metropole()).refunded, "0.00", "nothing recorded");
  });

  it("a replayed refund: 409 refund.reference_taken at reference, even when both arrive at once", async () => {
    const first = await refund("10", TODAY, "Mandat 2023-118");
    assert.equal(first.status, 201, first.raw.toString());
    const replay = await refund("10", TODAY, "Mandat 2023-118");
    assert.equal(replay.status, 409, replay.raw.toString());
    const problem: Problem = replay.json();
    assert.equal(problem.code, "refund.reference_taken");
    assert.deepEqual(
      problem.errors.map((e) => e.field),
      ["reference"],
    );
    assert.match(messageOf(problem), /Mandat 2023-118/);
    const english: Problem = (await refund("10", TODAY, "Mandat 2023-118", "en")).json();
    assert.match(messageOf(english), /Mandat 2023-118/);
    const racing = await Promise.all([
      refund("5", TODAY, "Mandat 2023-119"),
      refund("5", TODAY, "Mandat 2023-119"),
    ]);
    assert.deepEqual(
      racing.map((r) => r.status).sort(),
      [201, 409],
      racing.map((r) => r.raw.toString()).join("\n"),
    );
    // Should the rule miss it, the unique index (migration 0181) refuses it, with the same code.
    const store = createFundCallStore(get().db);
    const unchecked = { amountCents: 100n, refundedOn: TODAY, reference: "Mandat 2023-118" };
    await assert.rejects(
      store.addRefund("lyon", 2023, "metropole", unchecked, { id: "test", label: "test" }, () => {}),
      (error) => error instanceof EntenteError && error.code === "refund.reference_taken",
    );
    // Another reference is another mandat.
    assert.equal((await refund("15", TODAY, "Mandat 2023-120")).status, 201);
    assert.equal((await metropole()).refunded, "30.00");
  });

  it("cancelling a payment the refunds exceed: 409 payment.cancel_below_refunds naming the mandats; another is cancelled", async () => {
    // 30 € refunded: cancelling the 305 777 € payment would leave 20 € paid against 30 € refunded.
    const before = await metropole();
    const refused = await client.send("DELETE", `${BASE}/payments/${paymentIds[0]}`, {
      reason: "saisie en double",
    });
    assert.equal(refused.status, 409, refused.raw.toString());
    const problem: Problem = refused.json();
    assert.equal(problem.code, "payment.cancel_below_refunds");
    assert.match(messageOf(problem), /Mandat 2023-118/);
    assert.match(messageOf(problem), /30,00 €|30\.00/);
    const english = await client.send(
      "DELETE",
      `${BASE}/payments/${paymentIds[0]}`,
      { reason: "saisie en double" },
      { lang: "en" },
    );
    assert.match(english.json().errors[0].message, /refund/);
    assert.deepEqual(await metropole(), before, "nothing changed");
    // Cancelling the 20 € payment leaves 305 777 € paid, more than the 30 € refunded.
    const cancelled = await client.send("DELETE", `${BASE}/payments/${paymentIds[1]}`, { reason: "erreur" });
    assert.equal(cancelled.status, 200, cancelled.raw.toString());
    const call: Call = cancelled.json();
    assert.equal(call.paid, "305747.00");
    assert.ok(Number(call.paid) >= 0 && Number(call.due) <= Number(call.called));
  });
});

describeOnDatabases("a refund and a payment's cancellation at once, over HTTP", (get) => {
  let app: ZodFastifyInstance;
  let client: ConsoleClient;
  let paymentIds: string[] = [];
  before(async () => {
    ({ app, client, paymentIds } = await setUpOverpaidCall(get()));
  });
  after(async () => app.close());

  it("each alone would pass, together they would leave net paid negative: exactly one passes", async () => {
    // Cancelling the 305 777 € payment leaves 20 € paid, nothing refunded yet: allowed alone.
    // Refunding 30 € of the trop-perçu: allowed alone. Both: 30 € refunded on 20 € paid.
    const [cancelled, refunded] = await Promise.all([
      client.send("DELETE", `${BASE}/payments/${paymentIds[0]}`, { reason: "saisie erronée" }),
      client.send("POST", `${CALL}/refunds`, { amount: "30", refundedOn: TODAY, reference: "M-race" }),
    ]);
    const statuses = [cancelled.status, refunded.status];
    assert.ok(
      (statuses[0] === 200 && statuses[1] === 422) || (statuses[0] === 409 && statuses[1] === 201),
      `${cancelled.raw.toString()}\n${refunded.raw.toString()}`,
    );
    const call: Call = (await client.send("GET", `${BASE}/fund-calls?year=2023`))
      .json()
      .find((c: Call) => c.memberId === "metropole");
    assert.ok(Number(call.paid) >= 0, call.paid);
  });
});
