/**
 * Issue 11 §2 over HTTP, on PGlite and PostgreSQL: a mission's usage key from a workplace
 * service's seats or measured usage (computed, then frozen in the key period and never
 * recomputed), the simulator's usage alternative, isolation between ententes, and subscriptions
 * kept within the member's membership both ways (workplace refuses, finance refuses).
 */
import assert from "node:assert/strict";
import { before, it } from "node:test";
import { createEntenteStore } from "../../src/finance/db/entente-store.ts";
import { parseEntenteText } from "../../src/finance/formats/read-entente-file.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { lyonWithStorageText } from "./usage-fixtures.ts";
import {
  entryBody,
  METROPOLE_SIRET,
  startWorkplaceFixture,
  subscriptionBody,
  VILLE_SIRET,
  type WorkplaceFixture,
} from "./workplace-fixtures.ts";

const API = "/api/ententes/lyon";
const WORKPLACE = `${API}/workplace`;

describeOnDatabases("usage key and subscriptions within membership (API)", (get) => {
  let f: WorkplaceFixture;
  let drive = "";
  let driveKey = "";
  const now = new Date("2023-12-20T10:00:00Z");

  before(async () => {
    f = await startWorkplaceFixture(
      get(),
      () => now,
      undefined,
      parseEntenteText(lyonWithStorageText(), "entente.yaml"),
    );
    drive = await f.registerClient("lyon", "Fichiers");
    const { secretariat } = f.clients;
    assert.equal(
      (await secretariat.send("POST", `${WORKPLACE}/services`, entryBody(drive, "files", 1))).status,
      201,
    );
    driveKey = (await secretariat.send("POST", `${WORKPLACE}/services/${drive}/service-key`)).json()
      .serviceKey;
    for (const [member, seats] of [
      ["metropole", 300],
      ["ville-lyon", 100],
    ] as const) {
      const url = `${WORKPLACE}/services/${drive}/subscriptions/${member}`;
      const put = await secretariat.send(
        "PUT",
        url,
        subscriptionBody({ seats: { value: seats, unit: "accounts" } }),
      );
      assert.equal(put.status, 200, JSON.stringify(put.json()));
    }
  });

  const report = async (siret: string, account: string, used: number) => {
    const url = `/api/v1.0/entitlements/?service_id=${drive}&account_type=user&siret=${siret}&account_id=${account}`;
    const reply = await f.app.inject({
      method: "POST",
      url,
      headers: { "x-service-auth": `Bearer ${driveKey}` },
      payload: {
        usage_metrics: [{ account: { type: "user", id: account }, siret, metrics: { storage_used: used } }],
      },
    });
    assert.equal(reply.statusCode, 200, reply.body);
  };
  const usageKey = (body: Record<string, unknown>, client = f.clients.secretariat) =>
    client.send("POST", `${API}/usage-keys`, { missionId: "stockage", year: 2023, service: drive, ...body });

  it("by seats: 300 / 100 / none → 3/4, 1/4, 0, with the period and the source; nothing stored", async () => {
    const reply = await usageKey({ metric: "seats" });
    assert.equal(reply.status, 200, JSON.stringify(reply.json()));
    const key = reply.json();
    assert.equal(key.keyId, "stockage");
    assert.deepEqual(
      [key.periodStart, key.periodEnd, key.snapshotAt, key.frozen],
      ["2023-01-01", "2023-12-31", "2023-12-20T10:00:00.000Z", false],
    );
    assert.deepEqual(
      key.members.map((m: { memberId: string; seats: string; share: string; percent: string }) => [
        m.memberId,
        m.seats,
        m.share,
        m.percent,
      ]),
      [
        ["metropole", "300", "3/4", "75"],
        ["ville-lyon", "100", "1/4", "25"],
        ["sitiv", "0", "0/1", "0"],
      ],
    );
    assert.match(
      key.source,
      /^usage du service Fichiers \(.+\), métrique seats, du 2023-01-01 au 2023-12-31, relevé du 2023-12-20T10:00:00.000Z$/,
    );
    const entente = (await f.clients.secretariat.send("GET", API)).json();
    assert.equal(JSON.stringify(entente).includes("métrique seats"), false, "nothing stored without freeze");
  });

  it("by measured storage: the latest report per account, summed per member; no usage at all is key.empty", async () => {
    const empty = await usageKey({ metric: "storage_used" });
    assert.equal(empty.status, 422);
    assert.equal(empty.json().code, "key.empty");
    await report(METROPOLE_SIRET, "m-1", 1_000);
    await report(METROPOLE_SIRET, "m-1", 4_000); // the latest report of the account counts
    await report(METROPOLE_SIRET, "m-2", 2_000);
    await report(VILLE_SIRET, "v-1", 3_000);
    const reply = await usageKey({ metric: "storage_used" });
    assert.equal(reply.status, 200, JSON.stringify(reply.json()));
    assert.deepEqual(
      reply
        .json()
        .members.map((m: { memberId: string; measured: string; share: string }) => [
          m.memberId,
          m.measured,
          m.share,
        ]),
      [
        ["metropole", "6000", "2/3"],
        ["ville-lyon", "3000", "1/3"],
        ["sitiv", "0", "0/1"],
      ],
    );
  });

  it("frozen: stored in the key period (a reader may not); a later report never moves the budget", async () => {
    const reader = await usageKey({ metric: "storage_used", freeze: true }, f.clients.reader);
    assert.equal(reader.status, 403, "a reader may compute, not freeze");
    const frozen = await usageKey({ metric: "storage_used", freeze: true });
    assert.equal(frozen.status, 200, JSON.stringify(frozen.json()));
    assert.equal(frozen.json().frozen, true);
    const stored = (await createEntenteStore(get().db).loadEntente("lyon")).keys.find(
      (k) => k.id === "stockage",
    );
    const period = stored?.periods?.[0];
    assert.equal(period?.from, 2023);
    assert.deepEqual(
      period?.basis.kind === "usage"
        ? [
            period.basis.usage.snapshotAt,
            period.basis.usage.values.map((v) => [v.member, v.seats, v.measured]),
          ]
        : null,
      [
        "2023-12-20T10:00:00.000Z",
        [
          ["metropole", 300n, 6000n],
          ["ville-lyon", 100n, 3000n],
          ["sitiv", 0n, 0n],
        ],
      ],
      "the figures are stored whole, exact",
    );
    const budget = async () => {
      const reply = await f.clients.secretariat.send("GET", `${API}/budget/2023/report`);
      assert.equal(reply.status, 200);
      return reply.json();
    };
    const before = JSON.stringify(await budget());
    await report(VILLE_SIRET, "v-1", 900_000);
    assert.equal(JSON.stringify(await budget()), before, "a later report does not recompute a frozen key");
    const recomputed = await usageKey({ metric: "storage_used" });
    assert.equal(recomputed.json().members[1].measured, "900000", "a new computation sees the new report");
  });

  it("simulator: usage of a service as an alternative, each column summing to the same total", async () => {
    const reply = await f.clients.secretariat.send("POST", `${API}/key-simulations`, {
      year: 2023,
      keyId: "stockage",
      alternatives: [{ label: "Comptes", usage: { service: drive, metric: "seats" } }],
    });
    assert.equal(reply.status, 200, JSON.stringify(reply.json()));
    const body = reply.json();
    assert.equal(body.totals[0], body.totals[1]);
    const metropole = body.rows.find((r: { memberId: string }) => r.memberId === "metropole");
    // The key as it holds in 2023 is the frozen storage key (2/3 of 12 000 €); by seats, 3/4.
    assert.equal(
      Number(metropole.amounts[1]) - Number(metropole.amounts[0]),
      1000,
      "9 000 € instead of 8 000 €",
    );
  });

  it("isolation and bad input: another entente's secretariat 404/403, unknown service and shared key named", async () => {
    const other = await f.clients.other.send("POST", `${API}/usage-keys`, {
      missionId: "stockage",
      year: 2023,
      service: drive,
      metric: "seats",
    });
    assert.ok([403, 404].includes(other.status), String(other.status));
    // A service of the other entente, in its catalogue, is unknown to lyon's usage keys (its name not told).
    const theirs = await f.registerClient("autre", "Coffre secret");
    const catalogued = await f.clients.other.send(
      "POST",
      "/api/ententes/autre/workplace/services",
      entryBody(theirs, "files", 1),
    );
    assert.equal(catalogued.status, 201);
    const crossing = await usageKey({ service: theirs, metric: "seats" });
    assert.equal(crossing.status, 422);
    assert.equal(crossing.json().code, "entente.unknown_reference");
    assert.ok(!JSON.stringify(crossing.json()).includes("Coffre secret"));
    const foreign = await f.clients.other.send("POST", "/api/ententes/autre/usage-keys", {
      missionId: "collaboratif",
      section: "fonctionnement",
      year: 2023,
      service: drive,
      metric: "seats",
    });
    assert.equal(foreign.status, 409, "autre's missions share the socle key");
    const unknown = await usageKey({ service: "nope", metric: "seats" });
    assert.equal(unknown.status, 422);
    assert.match(unknown.json().message ?? unknown.json().detail ?? "", /nope/);
    const shared = await f.clients.secretariat.send("POST", `${API}/usage-keys`, {
      missionId: "collaboratif",
      year: 2023,
      service: drive,
      metric: "seats",
    });
    assert.equal(shared.status, 409);
    assert.equal(shared.json().code, "key.usage_key_shared");
    const badMetric = await usageKey({ metric: "Storage Used" });
    assert.equal(badMetric.status, 400);
    const noYear = await f.clients.secretariat.send("POST", `${API}/usage-keys`, {
      missionId: "stockage",
      year: 2031,
      service: drive,
      metric: "seats",
    });
    assert.equal(noYear.status, 404);
  });

  it("a subscription outside the membership is refused, naming the field; a leave is refused until it ends", async () => {
    const members = async () => (await f.clients.secretariat.send("GET", API)).json().members;
    const sitiv = (await members()).find((m: { id: string }) => m.id === "sitiv");
    const { id: _id, ...body } = sitiv;
    assert.equal(
      (await f.clients.secretariat.send("PUT", `${API}/members/sitiv`, { ...body, from: 2022 })).status,
      200,
    );
    const url = `${WORKPLACE}/services/${drive}/subscriptions/sitiv`;
    const early = await f.clients.secretariat.send("PUT", url, subscriptionBody({ startsOn: "2021-12-31" }));
    assert.equal(early.status, 422);
    assert.deepEqual(
      early.json().errors.map((e: { field: string }) => e.field),
      ["startsOn"],
    );
    assert.equal((await f.clients.secretariat.send("PUT", url, subscriptionBody())).status, 200);
    const dated = (await members()).find((m: { id: string }) => m.id === "sitiv");
    const leave = await f.clients.secretariat.send("PUT", `${API}/members/sitiv`, {
      ...body,
      from: 2022,
      to: 2023,
      rowVersion: dated.rowVersion,
    });
    assert.equal(leave.status, 409);
    assert.equal(leave.json().code, "member.subscriptions_outside_membership");
    assert.match(JSON.stringify(leave.json()), /« to »|"to"/);
    const ended = await f.clients.secretariat.send(
      "PUT",
      url,
      subscriptionBody({ endsOn: "2023-12-31", rowVersion: 1 }),
    );
    assert.equal(ended.status, 200, JSON.stringify(ended.json()));
    const left = await f.clients.secretariat.send("PUT", `${API}/members/sitiv`, {
      ...body,
      from: 2022,
      to: 2023,
      rowVersion: dated.rowVersion,
    });
    assert.equal(left.status, 200, JSON.stringify(left.json()));
    const late = await f.clients.secretariat.send(
      "PUT",
      url,
      subscriptionBody({ endsOn: "2024-01-01", rowVersion: 2 }),
    );
    assert.equal(late.status, 422);
    assert.deepEqual(
      late.json().errors.map((e: { field: string }) => e.field),
      ["endsOn"],
    );
  });

  it("an entente file that makes a member leave while subscribed is refused too, nothing stored", async () => {
    const exported = await f.clients.secretariat.send("GET", `${API}/entente-file`);
    assert.equal(exported.status, 200);
    const text = exported.raw.toString("utf8");
    assert.ok(text.includes("  - id: ville-lyon\n"));
    const leaving = text.replace("  - id: ville-lyon\n", "  - id: ville-lyon\n    to: 2024\n");
    const applied = await f.clients.secretariat.send("PUT", `${API}/entente-file`, { text: leaving });
    assert.equal(applied.status, 409, JSON.stringify(applied.json()));
    assert.equal(applied.json().code, "member.subscriptions_outside_membership");
    const ville = (await f.clients.secretariat.send("GET", API))
      .json()
      .members.find((m: { id: string }) => m.id === "ville-lyon");
    assert.equal(ville.to, null, "nothing stored");
  });
});
