import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { parseEntenteText } from "../../src/finance/formats/read-entente-file.ts";
import { seedPgliteDataDir } from "../helpers/pglite-template.ts";
import { LYON, runEntente } from "../helpers/run-cli.ts";

describe("entente export / apply: the server's entente as a file and back (PGlite in DATA_DIR)", () => {
  const dir = mkdtempSync(join(tmpdir(), "entente-roundtrip-"));
  const env = { DATA_DIR: join(dir, "data"), NODE_ENV: "test" };
  // The database starts migrated (test/helpers/pglite-template.ts): the commands are what is tested.
  before(() => seedPgliteDataDir(env.DATA_DIR));
  const changed = join(dir, "changed.yaml");
  writeFileSync(changed, readFileSync(LYON, "utf8").replace("    name: SITIV", "    name: SITIV (syndicat)"));

  it("exports what was imported: the file reads back with the same members", () => {
    assert.equal(runEntente(["import", LYON], { env }).status, 0);
    const exported = runEntente(["export", "lyon-2023"], { env });
    assert.equal(exported.status, 0, exported.stderr);
    const entente = parseEntenteText(exported.stdout, "export.yaml");
    assert.deepEqual(
      entente.members.map((m) => m.name),
      ["Métropole de Lyon", "Ville de Lyon", "SITIV"],
    );
  });

  it("apply --dry-run lists the change and stores nothing", () => {
    const preview = runEntente(["apply", changed, "--entente", "lyon-2023", "--dry-run"], { env });
    assert.equal(preview.status, 0, preview.stderr);
    assert.match(
      preview.stdout,
      /~ members\[sitiv\]\.name : SITIV → SITIV \(syndicat\)\n1 changement\(s\)\./,
    );
    assert.match(preview.stdout, /aperçu : rien n'a été enregistré/);
    assert.doesNotMatch(runEntente(["export", "lyon-2023"], { env }).stdout, /SITIV \(syndicat\)/);
  });

  it("apply stores it; export --out writes the changed file", () => {
    const applied = runEntente(["apply", changed, "--entente", "lyon-2023"], { env });
    assert.equal(applied.status, 0, applied.stderr);
    assert.match(applied.stdout, /appliqué à l'entente « lyon-2023 »/);
    const out = join(dir, "after.yaml");
    assert.equal(runEntente(["export", "lyon-2023", "--out", out], { env }).status, 0);
    assert.match(readFileSync(out, "utf8"), /name: SITIV \(syndicat\)/);
  });

  it("apply a file without a mission (drafts only): the dry run lists its removal with '-', applying removes it", () => {
    const without = join(dir, "without-collaboratif.yaml");
    writeFileSync(
      without,
      readFileSync(changed, "utf8")
        .replace(/ {2}- id: collaboratif\n(?: {4}.*\n)+/, "")
        .replace(/ {6}- mission: collaboratif\n {8}label:/g, "      - label:"),
    );
    const preview = runEntente(["apply", without, "--entente", "lyon-2023", "--dry-run"], { env });
    assert.equal(preview.status, 0, preview.stderr);
    assert.match(preview.stdout, /- missions\[collaboratif\]\.name \[2023\] : Outils collaboratifs\n/);
    assert.equal(runEntente(["apply", without, "--entente", "lyon-2023"], { env }).status, 0);
    assert.doesNotMatch(runEntente(["export", "lyon-2023"], { env }).stdout, /id: collaboratif/);
  });

  it("an unknown entente: exit 1, entente.not_found", () => {
    const unknown = runEntente(["export", "paris"], { env });
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /entente\.not_found/);
  });
});
