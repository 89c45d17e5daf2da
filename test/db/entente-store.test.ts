import assert from "node:assert/strict";
import { it } from "node:test";
import { createEntenteStore } from "../../src/finance/db/entente-store.ts";
import { createMemberStore } from "../../src/finance/db/member-store.ts";
import { computeBudgetReport } from "../../src/finance/domain/compute-budget-report.ts";
import type { Entente } from "../../src/finance/domain/entente.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import { migrateToLatest } from "../../src/platform/db/migrate.ts";
import { EntenteError } from "../../src/shared/errors.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { LYON, ROOT } from "../helpers/run-cli.ts";

const actor = { id: "test", label: "Test" };
const withoutPaths = (entente: Entente) =>
  JSON.parse(
    JSON.stringify(entente, (key, value: unknown) =>
      key === "path" ? undefined : typeof value === "bigint" ? `${value}n` : value,
    ),
  );

describeOnDatabases("entente store", (get) => {
  it("migrations are idempotent", async () => {
    assert.deepEqual(await migrateToLatest(get().db), []);
  });

  it("imports the Lyon example and reads back the same model and figures", async () => {
    const store = createEntenteStore(get().db);
    const fromFile = await readEntenteFile(LYON);
    await store.importEntente("lyon", fromFile, actor);
    const fromDb = await store.loadEntente("lyon");
    assert.deepEqual(withoutPaths(fromDb), withoutPaths(fromFile));
    const report = computeBudgetReport(fromDb, 2023);
    assert.deepEqual(
      report.fundCalls.map((f) => f.total),
      [30579700n, 21705100n, 11632800n],
    );
  });

  it("round-trips the second example (criteria keys, cents, mission spécifique)", async () => {
    const store = createEntenteStore(get().db);
    const fromFile = await readEntenteFile(`${ROOT}examples/syndicat-12-communes/entente.yaml`);
    await store.importEntente("val", fromFile, actor);
    assert.deepEqual(withoutPaths(await store.loadEntente("val")), withoutPaths(fromFile));
  });

  it("refuses a second import under the same id, and changes nothing", async () => {
    const store = createEntenteStore(get().db);
    const fromFile = await readEntenteFile(LYON);
    await assert.rejects(
      store.importEntente("lyon", fromFile, actor),
      (e: unknown) => e instanceof EntenteError && e.code === "entente.already_exists",
    );
    assert.deepEqual(
      (await store.listEntentes()).map((e) => [e.id, e.members, e.years]),
      [
        ["lyon", 3, [2022, 2023]],
        ["val", 13, [2024, 2025]],
      ],
    );
  });

  it("an import that fails half-way leaves nothing behind (one transaction)", async () => {
    const store = createEntenteStore(get().db);
    const fromFile = await readEntenteFile(LYON);
    // A mission whose lead does not exist violates no constraint, but an advance by an unknown
    // member key does: break the model after validation to force a database error mid-import.
    const broken: Entente = {
      ...fromFile,
      missions: [
        ...fromFile.missions,
        { ...(fromFile.missions[0] as Entente["missions"][number]), members: ["ghost"] },
      ],
    };
    await assert.rejects(store.importEntente("broken", broken, actor));
    assert.equal(await store.hasEntente("broken"), false);
    const rows = await get()
      .db.selectFrom("member")
      .select("id")
      .where("entente_id", "=", "broken")
      .execute();
    assert.deepEqual(rows, []);
  });

  it("the model is cached per state: the same object until a change, then the change", async () => {
    const store = createEntenteStore(get().db);
    const first = await store.loadEntente("lyon");
    assert.equal(await store.loadEntente("lyon"), first);
    const members = await createMemberStore(get().db).list("lyon");
    const sitiv = members.find((m) => m.id === "sitiv");
    assert.ok(sitiv);
    // A change made through another store instance (as on another node) is seen.
    await createMemberStore(get().db).update(
      "lyon",
      "sitiv",
      {
        name: "SITIV (syndicat)",
        kind: "syndicat",
        siren: null,
        siret: null,
        assembly: null,
        from: null,
        to: null,
        accountant: null,
      },
      sitiv.rowVersion,
      actor,
    );
    const after = await store.loadEntente("lyon");
    assert.notEqual(after, first);
    assert.equal(after.members.find((m) => m.id === "sitiv")?.name, "SITIV (syndicat)");
  });

  it("loading an unknown entente → entente.not_found", async () => {
    const store = createEntenteStore(get().db);
    await assert.rejects(
      store.loadEntente("nope"),
      (e: unknown) => e instanceof EntenteError && e.code === "entente.not_found",
    );
  });

  it("records the import in the audit trail", async () => {
    const events = await get()
      .db.selectFrom("audit_event")
      .select(["actor", "action", "entity", "entity_id"])
      .where("action", "=", "import")
      .orderBy("id")
      .execute();
    assert.deepEqual(events, [
      { actor: "test", action: "import", entity: "entente", entity_id: "lyon" },
      { actor: "test", action: "import", entity: "entente", entity_id: "val" },
    ]);
  });

  it("round-trips memberships, the public accountant and key periods; 2023 keeps its figures", async () => {
    const store = createEntenteStore(get().db);
    const lyon = await readEntenteFile(LYON);
    const [socle] = lyon.keys;
    assert.ok(socle);
    const rates: [string, bigint][] = [
      ["metropole", 500_000n],
      ["ville-lyon", 280_000n],
      ["sitiv", 150_000n],
      ["villeurbanne", 70_000n],
    ];
    const overYears: Entente = {
      ...lyon,
      members: [
        ...lyon.members.map((m) => (m.id === "sitiv" ? { ...m, to: 2027 } : m)),
        {
          id: "villeurbanne",
          name: "Ville de Villeurbanne",
          kind: "commune",
          from: 2025,
          accountant: { office: "Service de gestion comptable de Villeurbanne", code: "069099" },
        },
      ],
      keys: [
        {
          ...socle,
          periods: [
            {
              from: 2025,
              source: "Avenant n° 1",
              basis: {
                kind: "percent",
                shares: rates.map(([member, tenThousandths]) => ({ member, tenThousandths })),
              },
            },
          ],
        },
      ],
      missions: lyon.missions.map((m) => ({ ...m, members: [...m.members, "villeurbanne"] })),
    };
    await store.importEntente("lyon-annees", overYears, actor);
    const fromDb = await store.loadEntente("lyon-annees");
    assert.deepEqual(withoutPaths(fromDb), withoutPaths(overYears));
    assert.deepEqual(
      computeBudgetReport(fromDb, 2023).fundCalls.map((f) => f.total),
      [30579700n, 21705100n, 11632800n, 0n],
    );
  });
});
