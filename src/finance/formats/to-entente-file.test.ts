import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parseEntenteText } from "./read-entente-file.ts";
import { renderEntenteFile } from "./to-entente-file.ts";

const LYON = new URL("../../../examples/lyon-2023/entente.yaml", import.meta.url);
const SYNDICAT = new URL("../../../examples/syndicat-12-communes/entente.yaml", import.meta.url);

/** The model without the file positions (`path`), which differ between two layouts of one entente. */
const withoutPaths = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value, (key, v) => (key === "path" ? undefined : typeof v === "bigint" ? `${v}n` : v)),
  );

describe("renderEntenteFile: the entente file of a model, read back to the same model", () => {
  for (const [name, url] of [
    ["lyon-2023", LYON],
    ["syndicat-12-communes", SYNDICAT],
  ] as const)
    it(`${name}: every member, key, mission, line, advance and adjustment survives the round trip`, () => {
      const entente = parseEntenteText(readFileSync(url, "utf8"), `${name}.yaml`);
      const text = renderEntenteFile(entente, "test");
      const again = parseEntenteText(text, "exported.yaml");
      assert.deepEqual(withoutPaths(again), withoutPaths(entente));
      assert.equal(renderEntenteFile(again, "test"), text, "the export is stable");
    });

  it("writes amounts as exact euro texts and rates as percent texts", () => {
    const text = renderEntenteFile(parseEntenteText(readFileSync(LYON, "utf8"), "lyon.yaml"), "test");
    assert.match(text, /ville-lyon: "30\.6"/);
    assert.match(text, /fonctionnement: "544176"/);
    assert.match(text, /amount: "70140"/);
  });
});
