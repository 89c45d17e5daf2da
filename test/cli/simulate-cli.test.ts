import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fr, LYON, runEntente } from "../helpers/run-cli.ts";

/** The Lyon file with a population key beside the convention's, unused by the missions. */
function lyonWithPopulationKey(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), "entente-simulate-"));
  const text = readFileSync(LYON, "utf8").replace(
    "\nmissions:",
    `
  - id: population
    label: Population municipale (INSEE)
    criteria:
      - id: population
        weight: 1
        values: { metropole: 1000, ville-lyon: 500, sitiv: 250 }

missions:`,
  );
  const file = join(dir, "entente.yaml");
  writeFileSync(file, text);
  return { dir, file };
}

describe("entente simulate (the key simulator on a file; nothing is saved)", () => {
  it("prints each member's 2023 contribution under the convention's key and under population, side by side", () => {
    const { dir, file } = lyonWithPopulationKey();
    const result = runEntente(["simulate", file, "--key", "socle", "--with", "population", "--year", "2023"]);
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.split("\n");
    assert.match(lines[0] ?? "", /Simulation de la clé « socle », exercice 2023/);
    assert.ok(
      lines.some(
        (l) => l.startsWith("Métropole de Lyon") && l.includes(fr("288 413")) && l.includes(fr("310 958")),
      ),
    );
    assert.ok(
      lines.some((l) => l.startsWith("Total") && l.split(fr("544 176")).length === 3),
      result.stdout,
    );
    assert.deepEqual(readdirSync(dir), ["entente.yaml"]);
  });

  it("an unknown alternative key: exit 1 with the known keys", () => {
    const { file } = lyonWithPopulationKey();
    const result = runEntente(["simulate", file, "--key", "socle", "--with", "usage"]);
    assert.equal(result.status, 1);
    assert.match(
      result.stderr,
      /clé « usage » : aucune définition ne porte cet identifiant.*socle, population/,
    );
  });
});
