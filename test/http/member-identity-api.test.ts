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

/** Fresh-user findings, item 1: a member keeps its own SIREN and name; its identity is the secretariat's. */
describeOnDatabases("a member's identity over HTTP", (get) => {
  let app: ZodFastifyInstance;
  let composed: ComposedConsole;
  let secretariat: ConsoleClient;
  let finance: ConsoleClient;
  let reader: ConsoleClient;
  before(async () => {
    ({ app, composed } = await buildConsoleApp(get()));
    await seedExample(composed, "lyon", await readEntenteFile(LYON), PASSWORD);
    secretariat = new ConsoleClient(app);
    await secretariat.signIn(email("secretariat"), PASSWORD);
    finance = new ConsoleClient(app);
    await finance.signIn(email("finance.ville-lyon"), PASSWORD);
    reader = new ConsoleClient(app);
    await reader.signIn(email("lecture"), PASSWORD);
  });
  after(async () => app.close());

  const member = async (id: string) => {
    const all = (await secretariat.send("GET", "/api/ententes/lyon")).json().members;
    const { id: _id, ...body } = all.find((m: { id: string }) => m.id === id);
    return body;
  };
  const codeAndField = (reply: { json(): { code: string; errors: { field: string }[] } }) => [
    reply.json().code,
    reply.json().errors[0]?.field,
  ];

  it("the finance officer may not change its own member's name, SIREN, SIRET, kind, assembly (403 naming the fields)", async () => {
    const ville = await member("ville-lyon");
    for (const change of [
      { name: "Ville de Lyon (bis)" },
      { siren: "200046977" },
      { siret: "21690123100011" },
      { kind: "epci" },
      { assembly: "Autre assemblée" },
    ]) {
      const reply = await finance.send("PUT", "/api/ententes/lyon/members/ville-lyon", {
        ...ville,
        ...change,
      });
      assert.equal(reply.status, 403, JSON.stringify(change));
      assert.equal(reply.json().code, "member.identity_secretariat_only");
      assert.match(reply.json().detail, new RegExp(Object.keys(change)[0] ?? ""));
    }
    assert.deepEqual(await member("ville-lyon"), ville, "nothing stored");
  });

  it("the finance officer edits its accountant; not another member's; a reader edits nothing", async () => {
    const ville = await member("ville-lyon");
    const own = await finance.send("PUT", "/api/ententes/lyon/members/ville-lyon", {
      ...ville,
      accountant: { office: "SGC de Lyon", code: "069001" },
    });
    assert.equal(own.status, 200, JSON.stringify(own.json()));
    const metropole = await member("metropole");
    const other = await finance.send("PUT", "/api/ententes/lyon/members/metropole", {
      ...metropole,
      accountant: { office: "Pas le mien" },
    });
    assert.equal(other.status, 403);
    assert.equal((await reader.send("PUT", "/api/ententes/lyon/members/metropole", metropole)).status, 403);
  });

  it("the secretariat may not give a member another member's SIREN, a SIRET of it, or its name (409 at the field)", async () => {
    const metropole = await member("metropole");
    const cases: [Record<string, unknown>, string, string][] = [
      [{ siren: "216901231" }, "member.siren_taken", "siren"],
      [{ siren: null, siret: "21690123100011" }, "member.siren_taken", "siret"],
      [{ name: "Ville de Lyon" }, "member.name_taken", "name"],
      [{ name: "  VILLE  de LYÔN " }, "member.name_taken", "name"],
    ];
    for (const [change, code, field] of cases) {
      const reply = await secretariat.send("PUT", "/api/ententes/lyon/members/metropole", {
        ...metropole,
        ...change,
      });
      assert.equal(reply.status, 409, JSON.stringify(change));
      assert.deepEqual(codeAndField(reply), [code, field]);
      assert.match(reply.json().detail, /Ville de Lyon/);
    }
    assert.deepEqual(await member("metropole"), metropole, "nothing stored");
    const renamed = await secretariat.send("PUT", "/api/ententes/lyon/members/metropole", {
      ...metropole,
      name: "Métropole de Lyon (Grand Lyon)",
    });
    assert.equal(renamed.status, 200, "its own new name is fine");
  });

  it("a member joining with a member's SIREN or name is refused (409); with its own it joins", async () => {
    const commune = {
      id: "villeurbanne",
      name: "Ville de Villeurbanne",
      kind: "commune",
      siren: "216902643",
      siret: null,
      assembly: null,
      from: 2025,
      to: null,
      accountant: null,
    };
    const taken = await secretariat.send("POST", "/api/ententes/lyon/members", {
      ...commune,
      siren: "216901231",
    });
    assert.deepEqual([taken.status, ...codeAndField(taken)], [409, "member.siren_taken", "siren"]);
    const named = await secretariat.send("POST", "/api/ententes/lyon/members", { ...commune, name: "sitiv" });
    assert.deepEqual([named.status, ...codeAndField(named)], [409, "member.name_taken", "name"]);
    assert.equal((await secretariat.send("POST", "/api/ententes/lyon/members", commune)).status, 201);
  });

  it("an entente file giving two members one SIREN or one name is refused, nothing applied", async () => {
    const text = (await secretariat.send("GET", "/api/ententes/lyon/entente-file")).raw.toString("utf8");
    const twice = text.replace('siren: "200046977"', 'siren: "216901231"');
    assert.notEqual(twice, text);
    const reply = await secretariat.send("PUT", "/api/ententes/lyon/entente-file", { text: twice });
    assert.equal(reply.status, 422);
    assert.deepEqual(
      reply.json().errors.map((e: { code: string }) => e.code),
      ["member.siren_taken"],
    );
    const sameName = text.replace("name: SITIV", "name: Ville de Lyon");
    assert.notEqual(sameName, text);
    const named = await secretariat.send("PUT", "/api/ententes/lyon/entente-file", { text: sameName });
    assert.deepEqual(
      named.json().errors.map((e: { code: string }) => e.code),
      ["member.name_taken"],
    );
    assert.equal((await member("sitiv")).name, "SITIV");
  });

  it("item 9: a key simulation with an unknown field (« leave ») is refused (400), naming it", async () => {
    const body = { year: 2023, keyId: "socle", alternatives: [{ label: "x", basedOn: "socle" }] };
    assert.equal((await secretariat.send("POST", "/api/ententes/lyon/key-simulations", body)).status, 200);
    const top = await secretariat.send("POST", "/api/ententes/lyon/key-simulations", {
      ...body,
      leave: ["sitiv"],
    });
    assert.equal(top.status, 400);
    assert.match(JSON.stringify(top.json().errors), /leave.*champ inconnu/);
    const inner = await secretariat.send("POST", "/api/ententes/lyon/key-simulations", {
      ...body,
      alternatives: [{ label: "x", basedOn: "socle", leave: ["sitiv"] }],
    });
    assert.equal(inner.status, 400);
    assert.match(JSON.stringify(inner.json().errors), /alternatives.*leave/);
  });
});
