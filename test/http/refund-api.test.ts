import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, it } from "node:test";
import { type ComposedConsole, seedExample } from "../../src/compose.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { adoptOverHttp, raise2022AdvanceByDm } from "../helpers/adopt-over-http.ts";
import { asIfEmpty, buildConsoleApp, ConsoleClient } from "../helpers/console-client.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { libreOfficeText } from "../helpers/libreoffice-text.ts";
import { LYON } from "../helpers/run-cli.ts";

// Issue 9, item 5 (task H7): a DM of 2022 raising the Métropole's advance (a régularisation)
// lowers its 2023 call after it paid it in full; the secretariat refunds the trop-perçu
// (mandat de remboursement). Every access decision of the route is tested.
const PASSWORD = "mot-de-passe-de-test";
const email = (local: string) => `${local}@lyon.entente.localhost`;
const BASE = "/api/ententes/lyon";
const REFUNDS = `${BASE}/fund-calls/2023/metropole/refunds`;

describeOnDatabases("refund of a trop-perçu over HTTP", (get) => {
  let app: ZodFastifyInstance;
  let composed: ComposedConsole;
  let secretariat: ConsoleClient;
  before(async () => {
    ({ app, composed } = await buildConsoleApp(get()));
    await seedExample(composed, "lyon", await readEntenteFile(LYON), PASSWORD);
    await seedExample(asIfEmpty(composed), "autre", await readEntenteFile(LYON), PASSWORD);
    secretariat = new ConsoleClient(app);
    await secretariat.signIn(email("secretariat"), PASSWORD);
  });
  after(async () => app.close());

  it("a DM carrying a régularisation leaves a trop-perçu; only the secretariat refunds it, at most that", async () => {
    await adoptOverHttp(secretariat, 2022, "2022-06-01");
    await adoptOverHttp(secretariat, 2023, "2022-12-12");
    assert.equal(
      (await secretariat.send("POST", `${BASE}/fund-calls/2023`, { dueOn: "2023-03-31" })).status,
      201,
    );
    const paid = await secretariat.send("POST", `${BASE}/fund-calls/2023/metropole/payments`, {
      amount: "305797",
      paidOn: "2026-01-15", // the console's clock (console-client.ts), the calls' issue day
      reference: "virement 1",
    });
    assert.equal(paid.status, 201, paid.raw.toString());
    // No trop-perçu yet: a refund is refused at `amount`.
    // Dated before the call's issue (2026-01-15, the console's clock): refused at `refundedOn`.
    const beforeIssue = await secretariat.send("POST", REFUNDS, {
      amount: "1",
      refundedOn: "2026-01-14",
      reference: "M-1",
    });
    assert.equal(beforeIssue.status, 422, beforeIssue.raw.toString());
    assert.equal(beforeIssue.json().code, "refund.before_issue");
    assert.equal(beforeIssue.json().errors[0].field, "refundedOn");
    assert.match(beforeIssue.json().errors[0].message, /émission .* le 15 janvier 2026/);
    const early = await secretariat.send("POST", REFUNDS, {
      amount: "1",
      refundedOn: "2026-01-15",
      reference: "M-1",
    });
    assert.equal(early.status, 422, early.raw.toString());
    assert.equal(early.json().code, "refund.exceeds_overpayment");

    // The DM of 2022: the Métropole advanced 10 000 € more; adopted, its corrections issued.
    await raise2022AdvanceByDm(secretariat, {
      advance: "80140",
      adoptedOn: "2023-06-20",
      dueOn: "2023-09-30",
    });
    const calls = (await secretariat.send("GET", `${BASE}/fund-calls?year=2023`)).json();
    const metropole = calls.find((c: { memberId: string }) => c.memberId === "metropole");
    assert.equal(metropole.amount, "305797.00", "the issued call is never rewritten");
    const overpaid = -Number(metropole.due);
    assert.ok(overpaid > 0, metropole.due);

    // Access: a reader, the Métropole's own finance officer (403), another entente (404), no CSRF token (403).
    const body = { amount: String(overpaid), refundedOn: "2026-01-15", reference: "Mandat 2023-118" };
    for (const local of ["lecture", "finance.metropole"]) {
      const client = new ConsoleClient(app);
      await client.signIn(email(local), PASSWORD);
      const refused = await client.send("POST", REFUNDS, body);
      assert.equal(refused.status, 403, `${local}: ${refused.raw.toString()}`);
    }
    const other = new ConsoleClient(app);
    await other.signIn("secretariat@autre.entente.localhost", PASSWORD);
    assert.equal((await other.send("POST", REFUNDS, body)).status, 404);
    assert.equal((await secretariat.send("POST", REFUNDS, body, { csrf: false })).status, 403);

    // Bad input: more than the trop-perçu, a date in the future, no reference — each at its field.
    const tooMuch = await secretariat.send("POST", REFUNDS, { ...body, amount: String(overpaid + 0.01) });
    assert.equal(tooMuch.status, 422);
    assert.equal(tooMuch.json().code, "refund.exceeds_overpayment");
    assert.match(tooMuch.json().detail, /trop-perçu|overpayment/);
    const future = await secretariat.send("POST", REFUNDS, { ...body, refundedOn: "2999-01-01" });
    assert.equal(future.status, 422, future.raw.toString());
    assert.match(future.raw.toString(), /refundedOn/);
    const noReference = await secretariat.send("POST", REFUNDS, { ...body, reference: " " });
    assert.equal(noReference.status, 400, "a malformed body: the schema's answer, naming the field");
    assert.match(noReference.raw.toString(), /reference/);
    const unchanged = (await secretariat.send("GET", `${BASE}/fund-calls?year=2023`)).json();
    assert.deepEqual(unchanged.find((c: { memberId: string }) => c.memberId === "metropole").refunds, []);

    // The refund: due back to 0, the dashboard and the statement show it and still add up.
    const refunded = await secretariat.send("POST", REFUNDS, body);
    assert.equal(refunded.status, 201, refunded.raw.toString());
    const call = refunded.json();
    assert.deepEqual([call.due, call.refunded, call.paid], ["0.00", overpaid.toFixed(2), call.called]);
    assert.deepEqual(
      call.refunds.map((r: { reference: string }) => r.reference),
      ["Mandat 2023-118"],
    );
    const dashboard = (await secretariat.send("GET", `${BASE}/dashboard?year=2023`)).json();
    const row = dashboard.members.find((m: { memberId: string }) => m.memberId === "metropole");
    assert.deepEqual([row.refunded, row.due], [overpaid.toFixed(2), "0.00"]);
    const sum = (pick: (m: Record<string, string>) => string) =>
      dashboard.members.reduce(
        (s: number, m: Record<string, string>) => s + Math.round(Number(pick(m)) * 100),
        0,
      );
    assert.equal(
      Math.round(Number(dashboard.calls.paid) * 100),
      sum((m) => m.paid ?? "0"),
    );
    assert.equal(Number(dashboard.calls.due), Number(dashboard.calls.called) - Number(dashboard.calls.paid));
    const statement = (await secretariat.send("GET", `${BASE}/members/metropole/statement`)).json();
    const y2023 = statement.years.find((y: { year: number }) => y.year === 2023);
    assert.deepEqual([y2023.refunded, y2023.due], [overpaid.toFixed(2), "0.00"]);
    // The fund-call document lists the mandat and what remains (nothing), opened in LibreOffice.
    const document = await secretariat.send("GET", `${BASE}/fund-calls/2023/metropole/fund-call.odt`);
    assert.equal(document.status, 200, document.raw.toString());
    const dir = mkdtempSync(join(tmpdir(), "entente-refund-"));
    try {
      writeFileSync(join(dir, "appel.odt"), document.raw);
      const text = libreOfficeText(join(dir, "appel.odt"));
      assert.match(text, /Trop-perçu remboursé — mandat Mandat 2023-118 du 2026-01-15/);
      assert.match(text, /Reste à verser : 0 €/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const again = await secretariat.send("POST", REFUNDS, {
      ...body,
      amount: "0.01",
      reference: "Mandat 2023-119",
    });
    assert.equal(again.json().code, "refund.exceeds_overpayment");
    const audit = (await secretariat.send("GET", `${BASE}/audit`)).json();
    const items = audit.events;
    assert.ok(
      items.some((e: { entity: string }) => e.entity === "fund_call_refund"),
      JSON.stringify(items[0]),
    );
  });
});
