import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, it } from "node:test";
import { type ComposedConsole, seedExample } from "../../src/compose.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { adoptOverHttp, raise2022AdvanceByDm } from "../helpers/adopt-over-http.ts";
import { buildConsoleApp, ConsoleClient } from "../helpers/console-client.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { libreOfficeText } from "../helpers/libreoffice-text.ts";
import { LYON } from "../helpers/run-cli.ts";

const PASSWORD = "mot-de-passe-de-test";
const BASE = "/api/ententes/lyon";

/** Adopts `year`'s latest version: a conference decision, then every member's deliberation. */
/** Opens a DM of `year`; `cents`-free: 10 000 € more for the project lead, financed by the members. */
async function amendLines(client: ConsoleClient, year: number): Promise<void> {
  const draft = (await client.send("POST", `${BASE}/exercises/${year}/budget/versions`)).json();
  const lines = draft.lines.map(
    (l: { label: string; direction: string; receiptKind: string | null; section: string; amount: string }) =>
      (l.direction === "expense" && l.label === "Chef de projet" && l.section === "fonctionnement") ||
      (l.direction === "receipt" && l.receiptKind === "contribution" && l.section === "fonctionnement")
        ? { ...l, amount: (Number(l.amount) + 10000).toFixed(2) }
        : l,
  );
  const saved = await client.send("PUT", `${BASE}/exercises/${year}/budget`, {
    rowVersion: draft.rowVersion,
    lines,
  });
  assert.equal(saved.status, 200, saved.raw.toString());
}

// Tester's findings on amending budgets (DM), item 1: a 2023 call corrected by 2023's DM1 and by
// 2022's DM1 (2022 is recalled in 2023) got two titres with the same reference. Item 2: a DM n° 2
// approved by a conference dated before DM n° 1 was adopted.
describeOnDatabases("amending budgets: references of titres, chronology of DMs", (get) => {
  let app: ZodFastifyInstance;
  let composed: ComposedConsole;
  let secretariat: ConsoleClient;
  before(async () => {
    ({ app, composed } = await buildConsoleApp(get()));
    await seedExample(composed, "lyon", await readEntenteFile(LYON), PASSWORD);
    secretariat = new ConsoleClient(app);
    await secretariat.signIn("secretariat@lyon.entente.localhost", PASSWORD);
    await adoptOverHttp(secretariat, 2022, "2022-06-01");
    await adoptOverHttp(secretariat, 2023, "2022-12-12");
    const calls = await secretariat.send("POST", `${BASE}/fund-calls/2023`, { dueOn: "2023-03-31" });
    assert.equal(calls.status, 201, calls.raw.toString());
  });
  after(async () => app.close());

  it("2023's DM1 then 2022's DM1 correct the same call: each titre has its own reference, in the API and the ODT", async () => {
    await amendLines(secretariat, 2023);
    await adoptOverHttp(secretariat, 2023, "2023-06-20");
    const first = await secretariat.send("POST", `${BASE}/exercises/2023/fund-call-corrections`, {
      dueOn: "2023-09-30",
    });
    assert.equal(first.status, 201, first.raw.toString());

    await raise2022AdvanceByDm(secretariat, {
      advance: "80140.00",
      adoptedOn: "2023-07-03",
      dueOn: "2023-10-31",
    });

    const calls = (await secretariat.send("GET", `${BASE}/fund-calls?year=2023`)).json();
    const lyon = calls.find((c: { memberId: string }) => c.memberId === "ville-lyon");
    const references = lyon.corrections.map((c: { reference: string }) => c.reference);
    assert.equal(references.length, 2, JSON.stringify(lyon.corrections));
    assert.equal(new Set(references).size, 2, `two titres share a reference: ${references.join(", ")}`);
    assert.deepEqual(
      references,
      ["AF-2023-ville-lyon-DM1", "AF-2023-ville-lyon-DM1-2022"],
      "the titre issued first keeps its reference",
    );

    const document = await secretariat.send("GET", `${BASE}/fund-calls/2023/ville-lyon/fund-call.odt`);
    assert.equal(document.status, 200);
    const dir = mkdtempSync(join(tmpdir(), "entente-dm-refs-"));
    try {
      writeFileSync(join(dir, "appel.odt"), document.raw);
      const text = libreOfficeText(join(dir, "appel.odt")).replace(/\s+/g, " ");
      assert.match(text, /AF-2023-ville-lyon-DM1 — décision modificative n° 1, se rapporte/);
      assert.match(
        text,
        /AF-2023-ville-lyon-DM1-2022 — décision modificative n° 1 au budget 2022, se rapporte/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("DM n° 2 of 2023 approved before DM n° 1 was adopted (20 June 2023): 422 at conferenceDate, nothing approved", async () => {
    await amendLines(secretariat, 2023);
    const early = await secretariat.send("POST", `${BASE}/decisions`, {
      subject: "DM 2",
      conferenceDate: "2023-01-01",
      conferenceLabel: "Conférence",
      budgetYear: 2023,
    });
    assert.equal(early.status, 422, early.raw.toString());
    assert.equal(early.json().code, "amending.before_previous_adoption");
    assert.equal(early.json().errors[0]?.field, "conferenceDate");
    assert.match(early.json().detail, /1er janvier 2023.*Décision modificative n° 1 2023.*20 juin 2023/);
    const english = await secretariat.send(
      "POST",
      `${BASE}/decisions`,
      { subject: "DM 2", conferenceDate: "2023-06-19", conferenceLabel: "Conférence", budgetYear: 2023 },
      { lang: "en" },
    );
    assert.equal(english.status, 422);
    assert.match(english.json().detail, /19 June 2023.*20 June 2023/);
    const budget = (await secretariat.send("GET", `${BASE}/exercises/2023/budget`)).json();
    assert.deepEqual([budget.number, budget.status], [3, "draft"], "nothing approved");
    // The day of the adoption is accepted; a deliberation before its conference stays refused.
    const onTime = await secretariat.send("POST", `${BASE}/decisions`, {
      subject: "DM 2",
      conferenceDate: "2023-06-20",
      conferenceLabel: "Conférence",
      budgetYear: 2023,
    });
    assert.equal(onTime.status, 201, onTime.raw.toString());
    const r = onTime.json().ratifications[0];
    const before = await secretariat.send(
      "PUT",
      `${BASE}/decisions/${onTime.json().id}/ratifications/${r.memberId}`,
      {
        status: "ratified",
        deliberationNumber: "2023-dm2",
        deliberatedOn: "2023-06-19",
        rowVersion: r.rowVersion,
      },
    );
    assert.equal(before.status, 422, before.raw.toString());
    assert.equal(before.json().errors[0]?.field, "deliberatedOn");
  });
});
