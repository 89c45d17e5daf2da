import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { type ComposedConsole, seedExample } from "../../src/compose.ts";
import { parseEntenteText, readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { MAX_AMOUNT_CENTS, MAX_BUDGET_LINES } from "../../src/shared/limits.ts";
import { centsToEuroText } from "../../src/shared/money-input.ts";
import { asIfEmpty, buildConsoleApp, ConsoleClient, type Reply } from "../helpers/console-client.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { extremeEntenteText, MAX_AMOUNT } from "../helpers/extreme-entente.ts";
import { LYON } from "../helpers/run-cli.ts";

const PASSWORD = "mot-de-passe-de-test";
const email = (local: string, domain = "lyon") => `${local}@${domain}.entente.localhost`;

/** The field names of a refusal. */
const fields = (reply: Reply) => reply.json().errors.map((e: { field: string }) => e.field);

const line = (amount: string, direction: "expense" | "receipt", section = "investissement") => ({
  missionId: null,
  label: "Ligne",
  section,
  direction,
  receiptKind: direction === "receipt" ? "contribution" : null,
  amount,
  nature: null,
});

describeOnDatabases("bad input through the API: a clear error, nothing stored", (get) => {
  let app: ZodFastifyInstance;
  let composed: ComposedConsole;
  let client: ConsoleClient;
  before(async () => {
    ({ app, composed } = await buildConsoleApp(get()));
    await seedExample(composed, "lyon", await readEntenteFile(LYON), PASSWORD);
    await seedExample(
      asIfEmpty(composed),
      "extreme",
      parseEntenteText(extremeEntenteText(), "x.yaml"),
      PASSWORD,
    );
    client = new ConsoleClient(app);
    await client.signIn(email("secretariat"), PASSWORD);
  });
  after(async () => app.close());

  const budget2023 = async () =>
    (await client.send("GET", "/api/ententes/lyon/exercises/2023/budget")).json();

  it("an amount of 13 digits: 400 naming the line's amount and the limit, the budget unchanged", async () => {
    const before = await budget2023();
    const reply = await client.send("PUT", "/api/ententes/lyon/exercises/2023/budget", {
      rowVersion: before.rowVersion,
      lines: [...before.lines, line("1000000000000", "expense")],
    });
    assert.equal(reply.status, 400);
    assert.deepEqual(fields(reply), [`body.lines[${before.lines.length}].amount`]);
    assert.match(reply.json().errors[0].message, /au plus 12 chiffres avant la virgule/);
    assert.deepEqual(await budget2023(), before);
  });

  it("more lines than the limit: 400 with the limit, nothing stored", async () => {
    const before = await budget2023();
    const lines = Array.from({ length: MAX_BUDGET_LINES + 1 }, () => line("1", "expense"));
    const reply = await client.send("PUT", "/api/ententes/lyon/exercises/2023/budget", {
      rowVersion: before.rowVersion,
      lines,
    });
    assert.equal(reply.status, 400);
    assert.deepEqual(fields(reply), ["body.lines"]);
    assert.match(reply.json().errors[0].message, new RegExp(`${MAX_BUDGET_LINES} éléments au plus`));
    assert.deepEqual(await budget2023(), before);
  });

  it("every line at the largest amount: saved, and the budget, dashboard, report and exports answer", async () => {
    const before = await budget2023();
    const half = MAX_BUDGET_LINES / 2;
    const lines = [
      ...Array.from({ length: half }, () => line(MAX_AMOUNT, "expense")),
      ...Array.from({ length: half }, () => line(MAX_AMOUNT, "receipt")),
    ];
    const saved = await client.send("PUT", "/api/ententes/lyon/exercises/2023/budget", {
      rowVersion: before.rowVersion,
      lines,
    });
    assert.equal(saved.status, 200);
    const total = centsToEuroText(MAX_AMOUNT_CENTS * BigInt(half));
    assert.equal(saved.json().totals.expenses.investissement, total);
    const dashboard = await client.send("GET", "/api/ententes/lyon/dashboard?year=2023");
    assert.equal(dashboard.status, 200);
    assert.equal(dashboard.json().totals.receipts.investissement, total);
    for (const path of ["report", "export.csv", "export.xlsx", "export.json"])
      assert.equal((await client.send("GET", `/api/ententes/lyon/budget/2023/${path}`)).status, 200, path);
  });

  it("an entente at every limit (2 000 lines, 200 advances and adjustments, recall): reads answer exactly", async () => {
    const extreme = new ConsoleClient(app);
    assert.equal((await extreme.signIn(email("secretariat", "extreme"), PASSWORD)).status, 200);
    const dashboard = await extreme.send("GET", "/api/ententes/extreme/dashboard?year=2023");
    assert.equal(dashboard.status, 200);
    const metropole = dashboard.json().members[0];
    // 16 digits: more than any one amount written (12), exact to the cent (as `entente budget` computes it).
    assert.equal(metropole.total, "1271999999999985.40");
    assert.equal(metropole.recall, "529999999999994.70");
    for (const path of ["report", "export.csv", "export.ods"])
      assert.equal(
        (await extreme.send("GET", `/api/ententes/extreme/budget/2023/${path}`)).status,
        200,
        path,
      );
    assert.equal((await extreme.send("GET", "/api/ententes/extreme/exercises/2023/budget")).status, 200);
  });

  it("a member twice in a key: 422 entente.duplicate_id at the second share, the key unchanged", async () => {
    const key = (await client.send("GET", "/api/ententes/lyon")).json().keys[0];
    const reply = await client.send("PUT", "/api/ententes/lyon/keys/socle", {
      label: key.label,
      source: null,
      rowVersion: key.rowVersion,
      shares: [
        { memberId: "metropole", value: "53" },
        { memberId: "metropole", value: "30.6" },
        { memberId: "sitiv", value: "16.4" },
      ],
    });
    assert.equal(reply.status, 422);
    assert.equal(reply.json().code, "entente.duplicate_id");
    assert.deepEqual(fields(reply), ["shares[1].memberId"]);
    assert.deepEqual((await client.send("GET", "/api/ententes/lyon")).json().keys[0], key);
  });

  it("a conference in 2204 or a 200 000-character subject: refused with the field, no decision", async () => {
    const far = await client.send("POST", "/api/ententes/lyon/decisions", {
      subject: "Budget 2024",
      conferenceDate: "2204-11-07",
      conferenceLabel: "Conférence",
      budgetYear: null,
    });
    assert.equal(far.status, 422);
    assert.equal(far.json().code, "date.out_of_range");
    assert.deepEqual(fields(far), ["conferenceDate"]);
    assert.match(far.json().errors[0].message, /2027-12-31/);
    const long = await client.send("POST", "/api/ententes/lyon/decisions", {
      subject: "x".repeat(200_000),
      conferenceDate: "2025-11-07",
      conferenceLabel: "Conférence",
      budgetYear: null,
    });
    assert.equal(long.status, 400);
    assert.deepEqual(fields(long), ["body.subject"]);
    assert.match(long.json().errors[0].message, /2000 caractères au plus/);
    assert.equal((await client.send("GET", "/api/ententes/lyon/decisions")).json().length, 0);
  });

  it("a deliberation number of 200 000 characters or dated 2204: refused, the ratification pending", async () => {
    const decision = (
      await client.send("POST", "/api/ententes/lyon/decisions", {
        subject: "Adhésion",
        conferenceDate: "2025-11-07",
        conferenceLabel: "Conférence",
        budgetYear: null,
      })
    ).json();
    const first = decision.ratifications[0];
    const path = `/api/ententes/lyon/decisions/${decision.id}/ratifications/${first.memberId}`;
    const ratify = (deliberationNumber: string, deliberatedOn: string) =>
      client.send("PUT", path, {
        status: "ratified",
        deliberationNumber,
        deliberatedOn,
        rowVersion: first.rowVersion,
      });
    const long = await ratify("9".repeat(200_000), "2025-12-12");
    assert.equal(long.status, 400);
    assert.deepEqual(fields(long), ["body.deliberationNumber"]);
    assert.match(long.json().errors[0].message, /100 caractères au plus/);
    const far = await ratify("2025-12", "2204-12-12");
    assert.equal(far.status, 422);
    assert.deepEqual(fields(far), ["deliberatedOn"]);
    const after = (await client.send("GET", "/api/ententes/lyon/decisions")).json()[0];
    assert.equal(after.ratifications[0].status, "pending");
  });

  it("a member twice in a mission or in an adjustment: 422 naming the second, nothing stored", async () => {
    const entente = (await client.send("GET", "/api/ententes/lyon")).json();
    const mission = entente.missions[0];
    const twice = await client.send("PUT", `/api/ententes/lyon/missions/${mission.id}`, {
      name: mission.name,
      description: mission.description,
      leadMemberId: mission.leadMemberId,
      memberIds: [...mission.memberIds, mission.memberIds[0]],
      keys: mission.keys,
      rowVersion: mission.rowVersion,
    });
    assert.equal(twice.status, 422);
    assert.deepEqual(
      twice.json().errors.map((e: { code: string; field: string }) => [e.code, e.field]),
      [["entente.duplicate_id", `memberIds[${mission.memberIds.length}]`]],
    );
    const settlement = (await client.send("GET", "/api/ententes/lyon/exercises/2023/settlement")).json();
    const adjustment = {
      id: "double",
      label: "Double",
      amounts: [
        { memberId: "metropole", amount: "-10.00" },
        { memberId: "metropole", amount: "10.00" },
      ],
    };
    const reply = await client.send("PUT", "/api/ententes/lyon/exercises/2023/settlement", {
      rowVersion: settlement.rowVersion,
      advances: settlement.advances,
      adjustments: [...settlement.adjustments, adjustment],
    });
    assert.equal(reply.status, 422);
    assert.deepEqual(
      reply.json().errors.map((e: { code: string }) => e.code),
      ["entente.duplicate_id"],
    );
    assert.deepEqual(
      (await client.send("GET", "/api/ententes/lyon/exercises/2023/settlement")).json(),
      settlement,
    );
  });

  it("a member's assembly or a mission's description beyond its limit: 400 with the limit", async () => {
    const entente = (await client.send("GET", "/api/ententes/lyon")).json();
    const { id: _, ...sitiv } = entente.members.find((m: { id: string }) => m.id === "sitiv");
    const member = await client.send("PUT", "/api/ententes/lyon/members/sitiv", {
      ...sitiv,
      assembly: "C".repeat(101),
    });
    assert.equal(member.status, 400);
    assert.match(member.json().errors[0].message, /100 caractères au plus/);
    const mission = entente.missions[0];
    const reply = await client.send("PUT", `/api/ententes/lyon/missions/${mission.id}`, {
      name: mission.name,
      description: "d".repeat(2001),
      leadMemberId: mission.leadMemberId,
      memberIds: mission.memberIds,
      keys: mission.keys,
      rowVersion: mission.rowVersion,
    });
    assert.equal(reply.status, 400);
    assert.deepEqual(fields(reply), ["body.description"]);
  });
});
