/**
 * `entente usage-key` on the server's database (PGlite in DATA_DIR): a mission's usage key by
 * seats of a workplace service, shown, then frozen in the key's period from 2023; bad options
 * named with exit 2, a shared key refused with exit 1.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { createEntenteStore } from "../../src/finance/db/entente-store.ts";
import { createServiceRegistry } from "../../src/identity/app/service-registry.ts";
import { createServiceClientStore } from "../../src/identity/db/service-client-store.ts";
import { openDatabase } from "../../src/platform/db/open-database.ts";
import { createCatalogueStore } from "../../src/workplace/db/catalogue-store.ts";
import { createSubscriptionStore } from "../../src/workplace/db/subscription-store.ts";
import { seedPgliteDataDir } from "../helpers/pglite-template.ts";
import { runEntente } from "../helpers/run-cli.ts";
import { lyonWithStorageText } from "../workplace/usage-fixtures.ts";
import { serviceInput } from "../workplace/workplace-fixtures.ts";

describe("entente usage-key (the server's database, PGlite in DATA_DIR)", () => {
  const dir = mkdtempSync(join(tmpdir(), "entente-usage-"));
  const dataDir = join(dir, "data");
  const env = { DATA_DIR: dataDir, NODE_ENV: "test" };
  // The database starts migrated (test/helpers/pglite-template.ts): the commands are what is tested.
  before(() => seedPgliteDataDir(dataDir));
  const file = join(dir, "entente.yaml");
  after(() => rmSync(dir, { recursive: true, force: true }));
  let service = "";

  it("imports the entente, then a service and two subscriptions are set up", async () => {
    writeFileSync(file, lyonWithStorageText());
    const imported = runEntente(["import", file, "--id", "lyon"], { env });
    assert.equal(imported.status, 0, imported.stderr);
    const database = await openDatabase({ kind: "pglite", dataDir });
    try {
      const registry = createServiceRegistry(createServiceClientStore(database.db));
      service = (await registry.createClient("lyon", serviceInput("Fichiers") as never)).client.clientId;
      const actor = { id: "test", label: "test" };
      await createCatalogueStore(database.db).create(
        "lyon",
        service,
        {
          kind: "files",
          description: "Fichiers",
          url: "https://fichiers.lyon.test/",
          maturity: "stable",
          documentationUrl: null,
          supportUrl: null,
          displayOrder: 1,
        },
        actor,
      );
      const subscriptions = createSubscriptionStore(database.db);
      for (const [memberId, seats] of [
        ["metropole", 200],
        ["ville-lyon", 100],
      ] as const) {
        await subscriptions.put(
          { ententeId: "lyon", clientId: service, memberId },
          {
            startsOn: "2023-01-01",
            endsOn: null,
            roles: null,
            groups: null,
            quotas: { seats, storagePerAccount: null, storagePerMember: null },
            wave: null,
          },
          null,
          actor,
        );
      }
    } finally {
      await database.close();
    }
  });

  it("shows the key by seats, then freezes it in the key's period from 2023", async () => {
    const args = ["usage-key", "lyon", "--mission", "stockage", "--year", "2023", "--service", service];
    const shown = runEntente(args, { env });
    assert.equal(shown.status, 0, shown.stderr);
    assert.match(shown.stdout, /Clé d'usage 2023 : non enregistrée/);
    assert.match(shown.stdout, /metropole\s+200\s+200\s+66\.6666… %/);
    assert.match(shown.stdout, /sitiv\s+0\s+0\s+0 %/);
    const frozen = runEntente([...args, "--freeze"], { env });
    assert.equal(frozen.status, 0, frozen.stderr);
    assert.match(frozen.stdout, /enregistrée comme période de la clé « stockage » à partir de 2023/);
    const database = await openDatabase({ kind: "pglite", dataDir });
    try {
      const entente = await createEntenteStore(database.db).loadEntente("lyon");
      const period = entente.keys.find((k) => k.id === "stockage")?.periods?.[0];
      assert.equal(period?.from, 2023);
      assert.equal(period?.basis.kind, "usage");
      assert.deepEqual(
        period?.basis.kind === "usage" ? period.basis.usage.values.map((v) => [v.member, v.seats]) : [],
        [
          ["metropole", 200n],
          ["ville-lyon", 100n],
          ["sitiv", 0n],
        ],
      );
      assert.match(
        period?.source ?? "",
        /^usage du service Fichiers .* métrique seats, du 2023-01-01 au 2023-12-31/,
      );
    } finally {
      await database.close();
    }
  });

  it("bad options are named (exit 2); a key shared with other missions is refused (exit 1)", () => {
    const base = ["usage-key", "lyon", "--service", service];
    const badYear = runEntente([...base, "--mission", "stockage", "--year", "23"], { env });
    assert.equal(badYear.status, 2, badYear.stderr);
    assert.match(badYear.stderr, /--year/);
    const badSection = runEntente([...base, "--mission", "stockage", "--year", "2023", "--section", "x"], {
      env,
    });
    assert.equal(badSection.status, 2);
    assert.match(badSection.stderr, /--section/);
    const shared = runEntente([...base, "--mission", "collaboratif", "--year", "2023"], { env });
    assert.equal(shared.status, 1);
    assert.match(shared.stderr, /key\.usage_key_shared/);
  });
});
