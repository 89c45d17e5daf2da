import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { seedExample } from "../../src/compose.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { buildConsoleApp, ConsoleClient } from "../helpers/console-client.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { LYON } from "../helpers/run-cli.ts";

const PASSWORD = "mot-de-passe-de-test";

/** Tester: a member joining in 2030 counted in 2023's ratifications and could ratify a 2023 decision. */
describeOnDatabases("only the members of the decision's year deliberate", (get) => {
  let app: ZodFastifyInstance;
  let secretariat: ConsoleClient;
  before(async () => {
    let composed: Awaited<ReturnType<typeof buildConsoleApp>>["composed"];
    ({ app, composed } = await buildConsoleApp(get()));
    await seedExample(composed, "lyon", await readEntenteFile(LYON), PASSWORD);
    secretariat = new ConsoleClient(app);
    await secretariat.signIn("secretariat@lyon.entente.localhost", PASSWORD);
    const joined = await secretariat.send("POST", "/api/ententes/lyon/members", {
      id: "xss",
      name: "Commune de 2030",
      kind: "commune",
      siren: null,
      siret: null,
      assembly: null,
      from: 2030,
      to: null,
      accountant: null,
    });
    assert.equal(joined.status, 201, JSON.stringify(joined.json()));
  });
  after(async () => app.close());

  for (const budgetYear of [null, 2023])
    it(`a decision (budgetYear ${budgetYear}) opens no ratification for a member of 2030; its PUT is refused`, async () => {
      const created = await secretariat.send("POST", "/api/ententes/lyon/decisions", {
        subject: "Décision 2023",
        conferenceDate: "2023-01-10",
        conferenceLabel: "Conférence intercommunale",
        budgetYear,
      });
      assert.equal(created.status, 201, JSON.stringify(created.json()));
      const decision = created.json();
      assert.deepEqual(
        decision.ratifications.map((r: { memberId: string }) => r.memberId),
        ["metropole", "ville-lyon", "sitiv"],
      );
      const reply = await secretariat.send(
        "PUT",
        `/api/ententes/lyon/decisions/${decision.id}/ratifications/xss`,
        { status: "ratified", deliberationNumber: "2023-1", deliberatedOn: "2023-02-01", rowVersion: 0 },
      );
      assert.equal(reply.status, 422, JSON.stringify(reply.json()));
      assert.equal(reply.json().code, "ratification.not_member");
      assert.match(reply.json().detail, /Commune de 2030.*2023.*depuis 2030/);
    });

  it("the 2023 dashboard counts the 3 members of 2023; the 2023 simulator lists no row for xss", async () => {
    const dashboard = (await secretariat.send("GET", "/api/ententes/lyon/dashboard?year=2023")).json();
    assert.equal(dashboard.ratified.of, 3);
    const simulation = await secretariat.send("POST", "/api/ententes/lyon/key-simulations", {
      year: 2023,
      keyId: "socle",
      alternatives: [{ label: "Même clé", basedOn: "socle" }],
    });
    assert.equal(simulation.status, 200, JSON.stringify(simulation.json()));
    assert.deepEqual(
      simulation.json().rows.map((r: { memberId: string }) => r.memberId),
      ["metropole", "ville-lyon", "sitiv"],
    );
  });
});
