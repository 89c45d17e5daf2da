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

/** Issue 9, item 2: members join and leave with dates; what a leaving member owes. */
describeOnDatabases("memberships over HTTP", (get) => {
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

  const commune = {
    id: "villeurbanne",
    name: "Ville de Villeurbanne",
    kind: "commune",
    siren: "216902643",
    siret: null,
    assembly: "Conseil municipal de Villeurbanne",
    from: 2025,
    to: null,
    accountant: { office: "Service de gestion comptable de Villeurbanne", code: "069099" },
  };
  const members = async () => (await secretariat.send("GET", "/api/ententes/lyon")).json().members;
  const totals2023 = async () =>
    (await secretariat.send("GET", "/api/ententes/lyon/dashboard?year=2023"))
      .json()
      .members.map((m: { total: string }) => m.total);

  it("a SIREN whose check digit is wrong: 422 member.siren_invalid at siren, nothing stored", async () => {
    const reply = await secretariat.send("POST", "/api/ententes/lyon/members", {
      ...commune,
      siren: "216902644",
    });
    assert.equal(reply.status, 422);
    assert.deepEqual(
      reply.json().errors.map((e: { code: string; field: string }) => [e.code, e.field]),
      [["member.siren_invalid", "siren"]],
    );
    assert.equal((await members()).length, 3);
  });

  it("a commune joins from 2025 with its accountant; 2023 does not move", async () => {
    const reply = await secretariat.send("POST", "/api/ententes/lyon/members", commune);
    assert.equal(reply.status, 201, JSON.stringify(reply.json()));
    const added = (await members()).find((m: { id: string }) => m.id === "villeurbanne");
    assert.deepEqual(
      [added.from, added.to, added.accountant.office],
      [2025, null, commune.accountant.office],
    );
    // A year lists the members of that year only (listedInYear): the commune joining in 2025 is
    // not a 2023 row with zeros; the entente's own listing has every member, whatever its years.
    assert.deepEqual(await totals2023(), ["305797.00", "217051.00", "116328.00"]);
    const dashboard2023 = (await secretariat.send("GET", "/api/ententes/lyon/dashboard?year=2023")).json();
    assert.ok(!dashboard2023.members.some((m: { memberId: string }) => m.memberId === "villeurbanne"));
    assert.equal(dashboard2023.calls.called, "639176.00");
    assert.ok((await members()).some((m: { id: string }) => m.id === "villeurbanne"));
    const again = await secretariat.send("POST", "/api/ententes/lyon/members", commune);
    assert.equal(again.status, 422);
    assert.equal(again.json().code, "entente.duplicate_id");
  });

  it("only the secretariat decides who belongs: a member's finance officer may not add one nor change its dates", async () => {
    assert.equal(
      (await finance.send("POST", "/api/ententes/lyon/members", { ...commune, id: "bron" })).status,
      403,
    );
    const ville = (await members()).find((m: { id: string }) => m.id === "ville-lyon");
    const { id: _id, ...body } = ville;
    const dated = await finance.send("PUT", "/api/ententes/lyon/members/ville-lyon", { ...body, to: 2024 });
    assert.equal(dated.status, 403);
    const renamed = await finance.send("PUT", "/api/ententes/lyon/members/ville-lyon", {
      ...body,
      accountant: { office: "SGC de Lyon Municipal" },
    });
    assert.equal(renamed.status, 200, JSON.stringify(renamed.json()));
    assert.equal(renamed.json().accountant.office, "SGC de Lyon Municipal");
    assert.equal(renamed.json().to, null);
  });

  it("the SITIV leaves at the end of 2023: what it still owes, and a 2024 that would bill it is flagged", async () => {
    const sitiv = (await members()).find((m: { id: string }) => m.id === "sitiv");
    const { id: _id, ...body } = sitiv;
    const left = await secretariat.send("PUT", "/api/ententes/lyon/members/sitiv", { ...body, to: 2023 });
    assert.equal(left.status, 200, JSON.stringify(left.json()));
    const statement = (await secretariat.send("GET", "/api/ententes/lyon/members/sitiv/statement")).json();
    assert.deepEqual(statement.years, [
      { year: 2023, called: "116328.00", issued: false, paid: "0.00", refunded: "0.00", due: "116328.00" },
    ]);
    assert.equal(statement.stillOwed, "116328.00");
    assert.deepEqual(await totals2023(), ["305797.00", "217051.00", "116328.00"]);
    const opened = await secretariat.send("POST", "/api/ententes/lyon/exercises", {
      from: 2023,
      carryOver: { investissement: "350000" },
    });
    assert.equal(opened.status, 201);
    const in2024 = (await secretariat.send("GET", "/api/ententes/lyon/dashboard?year=2024")).json();
    assert.deepEqual(
      in2024.problems.map((p: { code: string }) => p.code),
      ["member.billed_outside_membership"],
    );
    assert.match(in2024.problems[0].message, /SITIV.*2024.*jusqu'en 2023/);
  });

  it("a member's statement: its own finance officer sees it; another member's is refused (403)", async () => {
    const own = await finance.send("GET", "/api/ententes/lyon/members/ville-lyon/statement");
    assert.equal(own.status, 200);
    assert.equal(own.json().stillOwed, "217051.00");
    const other = await finance.send("GET", "/api/ententes/lyon/members/metropole/statement");
    assert.equal(other.status, 403);
    assert.match(other.json().message ?? JSON.stringify(other.json()), /read-member-statement/);
    assert.equal((await secretariat.send("GET", "/api/ententes/lyon/members/paris/statement")).status, 404);
  });

  it("the key simulator: 2023 under the convention's key, then with the commune at 50 / 28 / 15 / 7; nothing saved", async () => {
    const before2023 = await totals2023();
    const reply = await secretariat.send("POST", "/api/ententes/lyon/key-simulations", {
      year: 2023,
      keyId: "socle",
      alternatives: [
        { label: "Même clé", basedOn: "socle" },
        {
          label: "Avec Villeurbanne",
          joining: ["villeurbanne"],
          percent: [
            { memberId: "metropole", value: "50" },
            { memberId: "ville-lyon", value: "28" },
            { memberId: "sitiv", value: "15" },
            { memberId: "villeurbanne", value: "7" },
          ],
        },
        {
          label: "Poids 2/1/1",
          weights: [
            { memberId: "metropole", value: "2" },
            { memberId: "ville-lyon", value: "1" },
            { memberId: "sitiv", value: "1" },
          ],
        },
      ],
    });
    assert.equal(reply.status, 200, JSON.stringify(reply.json()));
    const simulation = reply.json();
    assert.deepEqual(simulation.columns, [
      "Clé des missions socles",
      "Même clé",
      "Avec Villeurbanne",
      "Poids 2/1/1",
    ]);
    assert.deepEqual(simulation.rows[0].amounts.slice(0, 2), ["288413.00", "288413.00"]);
    assert.deepEqual(simulation.rows[3].amounts, ["0.00", "0.00", "38092.00", "0.00"]);
    assert.deepEqual(simulation.totals, ["544176.00", "544176.00", "544176.00", "544176.00"]);
    assert.deepEqual(await totals2023(), before2023);
    const bad = await secretariat.send("POST", "/api/ententes/lyon/key-simulations", {
      year: 2023,
      keyId: "socle",
      alternatives: [{ label: "99 %", percent: [{ memberId: "metropole", value: "99" }] }],
    });
    assert.equal(bad.status, 422);
    assert.equal(bad.json().errors[0].code, "key.shares_not_100");
    assert.equal(
      (
        await finance.send("POST", "/api/ententes/lyon/key-simulations", {
          year: 2023,
          keyId: "socle",
          alternatives: [{ label: "x", basedOn: "socle" }],
        })
      ).status,
      403,
    );
  });

  it("the key changes from 2025 on (a period): checked against 2025's missions; 2023 never moves", async () => {
    const period = await secretariat.send("PUT", "/api/ententes/lyon/keys/socle/periods", {
      from: 2025,
      source: "Avenant n° 1 (adhésion de Villeurbanne, sortie du SITIV)",
      shares: [
        { memberId: "metropole", value: "55" },
        { memberId: "ville-lyon", value: "35" },
        { memberId: "villeurbanne", value: "10" },
      ],
    });
    assert.equal(period.status, 204, period.raw.toString());
    const opened = await secretariat.send("POST", "/api/ententes/lyon/exercises", {
      from: 2024,
      carryOver: { investissement: "350000" },
    });
    assert.equal(opened.status, 201);
    // The commune is in the key from 2025 but not yet in the missions: 2025 says so, 2023 is untouched.
    const in2025 = (await secretariat.send("GET", "/api/ententes/lyon/dashboard?year=2025")).json();
    assert.deepEqual(
      [...new Set(in2025.problems.map((p: { code: string }) => p.code))],
      ["mission.key_member_not_participant"],
    );
    assert.deepEqual(await totals2023(), ["305797.00", "217051.00", "116328.00"]);
    const not100 = await secretariat.send("PUT", "/api/ententes/lyon/keys/socle/periods", {
      from: 2026,
      source: null,
      shares: [{ memberId: "metropole", value: "90" }],
    });
    assert.equal(not100.status, 422);
  });
});
