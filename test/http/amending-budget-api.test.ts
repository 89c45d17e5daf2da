import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, it } from "node:test";
import { type ComposedConsole, seedExample } from "../../src/compose.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { adoptOverHttp } from "../helpers/adopt-over-http.ts";
import { asIfEmpty, buildConsoleApp, ConsoleClient } from "../helpers/console-client.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { libreOfficeText } from "../helpers/libreoffice-text.ts";
import { LYON } from "../helpers/run-cli.ts";

const PASSWORD = "mot-de-passe-de-test";
const email = (local: string) => `${local}@lyon.entente.localhost`;
const BASE = "/api/ententes/lyon";

interface Line {
  label: string;
  section: string;
  direction: string;
  receiptKind: string | null;
  amount: string;
}

/** Adopts `year`'s latest version: a conference decision, then every member's deliberation. */
/** The DM's lines: 10 000 € more for the project lead (fonctionnement), financed by the members. */
function amended(lines: Line[]): Line[] {
  const plus = (l: Line) => ({ ...l, amount: (Number(l.amount) + 10000).toFixed(2) });
  return lines.map((l) =>
    (l.direction === "expense" && l.label === "Chef de projet" && l.section === "fonctionnement") ||
    (l.direction === "receipt" && l.receiptKind === "contribution" && l.section === "fonctionnement")
      ? plus(l)
      : l,
  );
}

describeOnDatabases("amending budget (décision modificative) over HTTP", (get) => {
  let app: ZodFastifyInstance;
  let composed: ComposedConsole;
  let secretariat: ConsoleClient;
  let reader: ConsoleClient;
  before(async () => {
    ({ app, composed } = await buildConsoleApp(get()));
    await seedExample(composed, "lyon", await readEntenteFile(LYON), PASSWORD);
    await seedExample(asIfEmpty(composed), "autre", await readEntenteFile(LYON), PASSWORD);
    secretariat = new ConsoleClient(app);
    await secretariat.signIn(email("secretariat"), PASSWORD);
    reader = new ConsoleClient(app);
    await reader.signIn(email("lecture"), PASSWORD);
  });
  after(async () => app.close());

  it("a DM after the 2023 calls were paid: everyone sees the adopted year, then complementary calls add up", async () => {
    await adoptOverHttp(secretariat, 2023, "2022-12-12");
    assert.equal(
      (await secretariat.send("POST", `${BASE}/fund-calls/2023`, { dueOn: "2023-03-31" })).status,
      201,
    );
    const paid = await secretariat.send("POST", `${BASE}/fund-calls/2023/metropole/payments`, {
      amount: "150000",
      paidOn: "2026-01-15", // the console's clock (console-client.ts), the calls' issue day
      reference: "virement 1",
    });
    assert.equal(paid.status, 201, paid.raw.toString());

    // Open the DM: the reader keeps the adopted 2023, no "read-drafts" refusal.
    const opened = await secretariat.send("POST", `${BASE}/exercises/2023/budget/versions`);
    assert.equal(opened.status, 201);
    const draft = opened.json();
    const saved = await secretariat.send("PUT", `${BASE}/exercises/2023/budget`, {
      rowVersion: draft.rowVersion,
      lines: amended(draft.lines),
    });
    assert.equal(saved.status, 200, saved.raw.toString());
    const stale = await secretariat.send("PUT", `${BASE}/exercises/2023/budget`, {
      rowVersion: draft.rowVersion,
      lines: draft.lines,
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.json().code, "conflict.stale_version");

    const readerBudget = await reader.send("GET", `${BASE}/exercises/2023/budget`);
    assert.equal(readerBudget.status, 200, readerBudget.raw.toString());
    assert.equal(readerBudget.json().status, "adopted");
    assert.equal(readerBudget.json().number, 1);
    for (const client of [reader, secretariat]) {
      const dashboard = (await client.send("GET", `${BASE}/dashboard?year=2023`)).json();
      assert.equal(dashboard.budget.status, "adopted");
      assert.deepEqual(
        dashboard.members.map((m: { total: string }) => m.total),
        ["305797.00", "217051.00", "116328.00"],
      );
      assert.deepEqual(dashboard.calls, { called: "639176.00", paid: "150000.00", due: "489176.00" });
      assert.deepEqual(dashboard.problems, []);
    }
    assert.equal((await secretariat.send("GET", `${BASE}/exercises/2023/budget`)).json().status, "draft");

    // The draft beside the adopted: the reader may not see it; another entente's secretariat gets 404.
    assert.equal((await reader.send("GET", `${BASE}/exercises/2023/amending-budget`)).status, 403);
    const other = new ConsoleClient(app);
    await other.signIn("secretariat@autre.entente.localhost", PASSWORD);
    assert.equal((await other.send("GET", `${BASE}/exercises/2023/amending-budget`)).status, 404);
    const foreign = await other.send("POST", `${BASE}/exercises/2023/fund-call-corrections`, { dueOn: null });
    assert.equal(foreign.status, 404);
    const readerIssue = await reader.send("POST", `${BASE}/exercises/2023/fund-call-corrections`, {
      dueOn: null,
    });
    assert.equal(readerIssue.status, 403);
    const comparison = (await secretariat.send("GET", `${BASE}/exercises/2023/amending-budget`)).json();
    assert.equal(comparison.amended.number, 2);
    const lead = comparison.lines.find((l: { label: string }) => l.label === "Chef de projet");
    assert.deepEqual([lead.adopted, lead.amended, lead.delta], ["140000.00", "150000.00", "10000.00"]);
    const deltas = comparison.members.filter((m: { year: number }) => m.year === 2023);
    const sum = deltas.reduce((s: number, m: { delta: string }) => s + Number(m.delta), 0);
    assert.equal(sum, 10000);

    // A key change would alter the adopted 2023: refused, naming the field and the next exercise.
    const key = await secretariat.send("PUT", `${BASE}/keys/socle/periods`, {
      from: 2023,
      source: null,
      shares: [
        { memberId: "metropole", value: "50" },
        { memberId: "ville-lyon", value: "33.6" },
        { memberId: "sitiv", value: "16.4" },
      ],
    });
    assert.equal(key.status, 409, key.raw.toString());
    assert.equal(key.json().code, "budget.adopted_figures_frozen");
    assert.match(key.json().detail, /à partir de l'exercice 2024/);
    assert.doesNotMatch(key.json().detail, /Ouvrez d'abord|une régularisation ne change jamais/);

    // The entente file neither rewrites the adopted 2023 while its DM is a draft.
    const file = (await secretariat.send("GET", `${BASE}/entente-file`)).raw.toString("utf8");
    const changed = file
      .replace(/(label: Chef de projet\n\s+fonctionnement: )"140000"/, '$1"140001"')
      .replace(/(kind: contribution\n\s+fonctionnement: )"544176"/, '$1"544177"');
    assert.notEqual(changed, file);
    const applied = await secretariat.send("PUT", `${BASE}/entente-file`, { text: changed });
    assert.equal(applied.status, 422, applied.raw.toString());
    assert.ok(applied.json().errors.every((e: { code: string }) => e.code === "budget.figures_frozen"));

    // Corrections before adoption: refused; after: one per member, Σ = the DM's 10 000 €.
    const early = await secretariat.send("POST", `${BASE}/exercises/2023/fund-call-corrections`, {
      dueOn: null,
    });
    assert.equal(early.status, 409);
    assert.equal(early.json().code, "fund_call.amending_not_adopted");
    await adoptOverHttp(secretariat, 2023, "2023-06-20");
    const pending = (await secretariat.send("GET", `${BASE}/dashboard?year=2023`)).json();
    assert.equal(pending.calls.called, "639176.00");
    assert.equal(pending.members[0].pending, deltas[0].delta);
    const issued = await secretariat.send("POST", `${BASE}/exercises/2023/fund-call-corrections`, {
      dueOn: "2023-09-30",
    });
    assert.equal(issued.status, 201, issued.raw.toString());
    const calls = issued.json();
    assert.deepEqual(
      calls.map((c: { amount: string }) => c.amount),
      ["305797.00", "217051.00", "116328.00"],
      "the original calls never move",
    );
    const corrections = calls.flatMap(
      (c: { corrections: { amount: string; reference: string }[] }) => c.corrections,
    );
    assert.equal(
      corrections.reduce((s: number, c: { amount: string }) => s + Number(c.amount), 0),
      10000,
    );
    assert.equal(corrections[0].reference, "AF-2023-metropole-DM1");
    const twice = await secretariat.send("POST", `${BASE}/exercises/2023/fund-call-corrections`, {
      dueOn: null,
    });
    assert.equal(twice.json().code, "fund_call.corrections_already_issued");

    const dashboard = (await reader.send("GET", `${BASE}/dashboard?year=2023`)).json();
    assert.deepEqual(dashboard.calls, { called: "649176.00", paid: "150000.00", due: "499176.00" });
    for (const m of dashboard.members) {
      assert.equal(Number(m.due), Number(m.called) - Number(m.paid));
      assert.equal(m.pending, "0.00");
    }
    const statement = (await secretariat.send("GET", `${BASE}/members/metropole/statement`)).json();
    const y2023 = statement.years.find((y: { year: number }) => y.year === 2023);
    assert.equal(y2023.called, dashboard.members[0].called);
    const document = await secretariat.send("GET", `${BASE}/fund-calls/2023/metropole/fund-call.odt`);
    assert.equal(document.status, 200);
    // Read back in LibreOffice: the original call, the complementary call referring to it, the balance.
    const dir = mkdtempSync(join(tmpdir(), "entente-dm-odt-"));
    try {
      writeFileSync(join(dir, "appel.odt"), document.raw);
      const text = libreOfficeText(join(dir, "appel.odt")).replace(/\s+/g, " ");
      assert.match(text, /Appel initial AF-2023-metropole 305 797 /);
      assert.match(
        text,
        /Titre complémentaire AF-2023-metropole-DM1 — décision modificative n° 1, se rapporte à l'appel AF-2023-metropole/,
      );
      assert.match(
        text,
        new RegExp(
          `Reste à verser : ${Number(dashboard.members[0].due).toLocaleString("fr-FR").replace(/\s/g, " ")} €`,
        ),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const audit = (await secretariat.send("GET", `${BASE}/audit`)).json();
    const entities = (audit.events ?? audit).map((e: { entity: string }) => e.entity);
    assert.ok(entities.includes("fund_call_correction"));
  });
});
