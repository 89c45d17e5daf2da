import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { type ComposedConsole, seedExample } from "../../src/compose.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { buildConsoleApp, ConsoleClient } from "../helpers/console-client.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { LYON } from "../helpers/run-cli.ts";

const PASSWORD = "mot-de-passe-de-test";
const email = (local: string) => `${local}@lyon.entente.localhost`;

/** Populations légales (INSEE, millésime 2021) of the Lyon example's members, as a weights period. */
const POPULATIONS = [
  { memberId: "metropole", value: "1424069" },
  { memberId: "ville-lyon", value: "522250" },
  { memberId: "sitiv", value: "120000" },
];

/** Issue 9, item 3: a key's periods (percent or weights) as the console reads them; an adopted year refuses. */
describeOnDatabases("key periods over HTTP", (get) => {
  let app: ZodFastifyInstance;
  let composed: ComposedConsole;
  let secretariat: ConsoleClient;
  let finance: ConsoleClient;
  before(async () => {
    ({ app, composed } = await buildConsoleApp(get()));
    await seedExample(composed, "lyon", await readEntenteFile(LYON), PASSWORD);
    secretariat = new ConsoleClient(app);
    await secretariat.signIn(email("secretariat"), PASSWORD);
    finance = new ConsoleClient(app);
    await finance.signIn(email("finance.ville-lyon"), PASSWORD);
  });
  after(async () => app.close());

  const socle = async () =>
    (await secretariat.send("GET", "/api/ententes/lyon"))
      .json()
      .keys.find((k: { id: string }) => k.id === "socle");
  const totals2023 = async () =>
    (await secretariat.send("GET", "/api/ententes/lyon/dashboard?year=2023"))
      .json()
      .members.map((m: { total: string }) => m.total);

  it("a key has one period, its first basis, with the rates as entered and as percents", async () => {
    const key = await socle();
    assert.deepEqual(
      key.periods.map((p: { from: number | null; basis: string }) => [p.from, p.basis]),
      [[null, "percent"]],
    );
    assert.deepEqual(
      key.periods[0].shares.map((s: { memberId: string; value: string }) => [s.memberId, s.value]),
      [
        ["metropole", "53"],
        ["ville-lyon", "30.6"],
        ["sitiv", "16.4"],
      ],
    );
  });

  it("a population key from 2025 (weights, INSEE 2021): a second period with exact shares; 2023 does not move", async () => {
    const reply = await secretariat.send("PUT", "/api/ententes/lyon/keys/socle/periods", {
      from: 2025,
      source: "Populations légales INSEE 2021",
      weights: POPULATIONS,
    });
    assert.equal(reply.status, 204, reply.raw.toString());
    const [, period] = (await socle()).periods;
    assert.equal(period.from, 2025);
    assert.equal(period.basis, "weights");
    assert.equal(period.source, "Populations légales INSEE 2021");
    assert.deepEqual(
      period.shares.map((s: { value: string }) => s.value),
      POPULATIONS.map((p) => p.value),
    );
    // 1 424 069 / 2 066 319 = 68,9181… %: shown to four decimals, the endless part marked
    assert.match(period.shares[0].percent, /^68\.918/);
    assert.deepEqual(await totals2023(), ["305797.00", "217051.00", "116328.00"]);
  });

  it("bad weights: a member twice, an unknown member, all zero, not integers, both bases — 422 at the field", async () => {
    const send = (body: object) =>
      secretariat.send("PUT", "/api/ententes/lyon/keys/socle/periods", { from: 2026, source: null, ...body });
    const cases: [object, string, string][] = [
      [{ weights: [POPULATIONS[0], POPULATIONS[0]] }, "entente.duplicate_id", "weights[1].memberId"],
      [{ weights: [{ memberId: "nope", value: "3" }] }, "entente.unknown_reference", "weights[0].memberId"],
      [{ weights: POPULATIONS.map((p) => ({ ...p, value: "0" })) }, "key.empty", "weights"],
    ];
    for (const [body, code, field] of cases) {
      const reply = await send(body);
      assert.equal(reply.status, 422, JSON.stringify(body));
      const errors = reply.json().errors ?? [{ code: reply.json().code, field: reply.json().field }];
      assert.equal(errors[0].code, code, JSON.stringify(reply.json()));
      assert.equal(errors[0].field, field);
    }
    for (const body of [
      { weights: [{ memberId: "sitiv", value: "1,5" }] },
      { weights: POPULATIONS, shares: [] },
    ]) {
      // refused by the contract (400), before the use case
      assert.equal((await send(body)).status, 400, JSON.stringify(body));
    }
    assert.equal((await socle()).periods.length, 2);
  });

  it("only the secretariat changes a key: a member's finance officer gets 403", async () => {
    const reply = await finance.send("PUT", "/api/ententes/lyon/keys/socle/periods", {
      from: 2026,
      source: null,
      weights: POPULATIONS,
    });
    assert.equal(reply.status, 403);
  });

  it("2023 adopted: a period from 2023 is refused (budget.figures_frozen), nothing stored", async () => {
    await adopt2023(secretariat);
    const reply = await secretariat.send("PUT", "/api/ententes/lyon/keys/socle/periods", {
      from: 2023,
      source: null,
      weights: POPULATIONS,
    });
    assert.equal(reply.status, 409, reply.raw.toString());
    assert.equal(reply.json().code, "budget.figures_frozen");
    // The advice is true: no DM would let a key change 2023; the first year not adopted is proposed.
    assert.equal(reply.json().errors[0]?.field, "from");
    assert.doesNotMatch(reply.json().detail, /Ouvrez d'abord une décision modificative/);
    assert.match(
      reply.json().detail,
      /ne peut commencer qu'à un exercice non adopté.*à partir de l'exercice 2024/,
    );
    const english = await secretariat.send(
      "PUT",
      "/api/ententes/lyon/keys/socle/periods",
      { from: 2023, source: null, weights: POPULATIONS },
      { lang: "en" },
    );
    assert.doesNotMatch(english.json().detail, /Open an amending budget/);
    assert.match(english.json().detail, /can start only from an exercise not adopted.*from exercise 2024/);
    assert.deepEqual(
      (await socle()).periods.map((p: { from: number | null }) => p.from),
      [null, 2025],
    );
    assert.deepEqual(await totals2023(), ["305797.00", "217051.00", "116328.00"]);
  });
});

/** The conference approves the 2023 budget and every member ratifies it: 2023 is adopted. */
async function adopt2023(client: ConsoleClient): Promise<void> {
  const decision = (
    await client.send("POST", "/api/ententes/lyon/decisions", {
      subject: "Budget 2023",
      conferenceDate: "2022-11-07",
      conferenceLabel: "Conférence",
      budgetYear: 2023,
    })
  ).json();
  for (const r of decision.ratifications) {
    const reply = await client.send(
      "PUT",
      `/api/ententes/lyon/decisions/${decision.id}/ratifications/${r.memberId}`,
      {
        status: "ratified",
        deliberationNumber: "2022-1356",
        deliberatedOn: "2022-12-12",
        rowVersion: r.rowVersion,
      },
    );
    assert.equal(reply.status, 200);
  }
}
