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
const PERIODS = "/api/ententes/lyon/keys/socle/periods";

const values = (figures: Record<string, string>) =>
  Object.entries(figures).map(([memberId, value]) => ({ memberId, value }));

/**
 * Population 50 % (70 / 25 / 5 %), agents 30 % (60 / 30 / 10 %), budget 20 % (50 / 30 / 20 %):
 * the Métropole bears 35 + 18 + 10 = 63 %, the Ville 12.5 + 9 + 6 = 27.5 %, the SITIV 2.5 + 3 + 4 = 9.5 %.
 */
const CRITERIA = [
  {
    id: "population",
    label: "Population municipale",
    source: "Populations légales INSEE 2022",
    weight: "50",
    values: values({ metropole: "1400000", "ville-lyon": "500000", sitiv: "100000" }),
  },
  {
    id: "agents",
    label: "Agents",
    source: "Effectifs au 1er janvier 2025",
    weight: "30",
    values: values({ metropole: "600", "ville-lyon": "300", sitiv: "100" }),
  },
  {
    id: "budget",
    label: "Budget de fonctionnement",
    source: "Comptes administratifs 2023",
    weight: "20",
    values: values({ metropole: "500000.50", "ville-lyon": "300000.30", sitiv: "200000.20" }),
  },
];

/** Issue 9, item 3: a criteria key changed from a named exercise over HTTP; an adopted year refuses. */
describeOnDatabases("criteria key periods over HTTP", (get) => {
  let app: ZodFastifyInstance;
  let composed: ComposedConsole;
  let secretariat: ConsoleClient;
  before(async () => {
    ({ app, composed } = await buildConsoleApp(get()));
    await seedExample(composed, "lyon", await readEntenteFile(LYON), PASSWORD);
    secretariat = new ConsoleClient(app);
    await secretariat.signIn(email("secretariat"), PASSWORD);
  });
  after(async () => app.close());

  const socle = async () =>
    (await secretariat.send("GET", "/api/ententes/lyon"))
      .json()
      .keys.find((k: { id: string }) => k.id === "socle");
  const dashboard = async (year: number) =>
    (await secretariat.send("GET", `/api/ententes/lyon/dashboard?year=${year}`)).json();
  const totals = async (year: number) =>
    (await dashboard(year)).members.map((m: { total: string }) => m.total);

  it("2024 and 2025 opened, the socle key by criteria from 2025: its criteria with their sources, exact shares", async () => {
    for (const from of [2023, 2024]) {
      const opened = await secretariat.send("POST", "/api/ententes/lyon/exercises", {
        from,
        carryOver: { investissement: "350000" },
      });
      assert.equal(opened.status, 201, opened.raw.toString());
    }
    const reply = await secretariat.send("PUT", PERIODS, {
      from: 2025,
      source: "Avenant n° 2 : clé par critères",
      criteria: CRITERIA,
    });
    assert.equal(reply.status, 204, reply.raw.toString());
    const [, period] = (await socle()).periods;
    assert.deepEqual(
      [period.from, period.basis, period.source],
      [2025, "criteria", "Avenant n° 2 : clé par critères"],
    );
    assert.deepEqual(
      period.shares.map((s: { memberId: string; percent: string }) => [s.memberId, s.percent]),
      [
        ["metropole", "63"],
        ["ville-lyon", "27.5"],
        ["sitiv", "9.5"],
      ],
    );
    assert.deepEqual(
      period.criteria.map((c: { id: string; source: string; weight: string }) => [c.id, c.source, c.weight]),
      CRITERIA.map((c) => [c.id, c.source, c.weight]),
    );
    // as entered, exact (trailing zeros of the decimals dropped)
    assert.deepEqual(
      period.criteria[2].values.map((v: { value: string }) => v.value),
      ["500000.5", "300000.3", "200000.2"],
    );
  });

  it("2025 is shared 63 / 27.5 / 9.5 % (to the euro, the rows adding up); 2023 and 2024 do not move", async () => {
    const in2025 = await dashboard(2025);
    assert.deepEqual(in2025.problems, []);
    assert.deepEqual(
      in2025.members.map((m: { rate: string }) => m.rate),
      ["63", "27.5", "9.5"],
    );
    const in2024 = await dashboard(2024);
    assert.deepEqual(
      in2024.members.map((m: { rate: string }) => m.rate),
      ["53", "30.6", "16.4"],
    );
    assert.deepEqual(await totals(2023), ["305797.00", "217051.00", "116328.00"]);
  });

  it("bad criteria: 422 at the field, every problem named; nothing stored", async () => {
    const send = (criteria: object) =>
      secretariat.send("PUT", PERIODS, { from: 2026, source: null, criteria });
    const [population, agents, budget] = CRITERIA as [
      (typeof CRITERIA)[0],
      (typeof CRITERIA)[0],
      (typeof CRITERIA)[0],
    ];
    const cases: [object, [string, string][]][] = [
      [[population, agents, { ...budget, weight: "19.5" }], [["key.criteria_weights_not_100", "criteria"]]],
      [
        [{ ...population, weight: "70", values: [...population.values, population.values[0]] }, agents],
        [["entente.duplicate_id", "criteria[0].values[3].memberId"]],
      ],
      [
        [{ ...population, weight: "70", values: population.values.slice(1) }, agents],
        [["key.criteria_value_missing", "criteria[0].values"]],
      ],
      [
        [
          { ...population, weight: "70", values: population.values.map((v) => ({ ...v, value: "0" })) },
          agents,
        ],
        [["key.empty", "criteria[0].values"]],
      ],
    ];
    for (const [criteria, expected] of cases) {
      const reply = await send(criteria);
      assert.equal(reply.status, 422, reply.raw.toString());
      assert.deepEqual(
        reply.json().errors.map((e: { code: string; field: string }) => [e.code, e.field]),
        expected,
      );
    }
    const missing = (
      await send([{ ...population, weight: "70", values: population.values.slice(1) }, agents])
    ).json();
    assert.match(missing.errors[0].message, /« population ».*metropole.*2026/);
    for (const body of [
      { criteria: [{ ...population, values: values({ metropole: "1,5" }) }] },
      { criteria: [{ ...population, values: values({ metropole: "-3" }) }] },
      { criteria: CRITERIA, weights: [{ memberId: "sitiv", value: "1" }] },
      { criteria: [] },
    ])
      assert.equal(
        (await secretariat.send("PUT", PERIODS, { from: 2026, source: null, ...body })).status,
        400,
        JSON.stringify(body),
      );
    assert.deepEqual(
      (await socle()).periods.map((p: { from: number | null }) => p.from),
      [null, 2025],
    );
  });

  it("a member's finance officer may not change a key (403)", async () => {
    const finance = new ConsoleClient(app);
    await finance.signIn(email("finance.ville-lyon"), PASSWORD);
    const reply = await finance.send("PUT", PERIODS, { from: 2026, source: null, criteria: CRITERIA });
    assert.equal(reply.status, 403);
  });

  it("2023 adopted: a criteria period from 2023 is refused (budget.figures_frozen); 2023 never moves", async () => {
    const decision = (
      await secretariat.send("POST", "/api/ententes/lyon/decisions", {
        subject: "Budget 2023",
        conferenceDate: "2022-11-07",
        conferenceLabel: "Conférence",
        budgetYear: 2023,
      })
    ).json();
    for (const r of decision.ratifications) {
      const ratified = await secretariat.send(
        "PUT",
        `/api/ententes/lyon/decisions/${decision.id}/ratifications/${r.memberId}`,
        {
          status: "ratified",
          deliberationNumber: "2022-1356",
          deliberatedOn: "2022-12-12",
          rowVersion: r.rowVersion,
        },
      );
      assert.equal(ratified.status, 200);
    }
    const reply = await secretariat.send("PUT", PERIODS, { from: 2023, source: null, criteria: CRITERIA });
    assert.equal(reply.status, 409, reply.raw.toString());
    assert.equal(reply.json().code, "budget.figures_frozen");
    assert.deepEqual(
      (await socle()).periods.map((p: { from: number | null }) => p.from),
      [null, 2025],
    );
    assert.deepEqual(await totals(2023), ["305797.00", "217051.00", "116328.00"]);
  });
});
