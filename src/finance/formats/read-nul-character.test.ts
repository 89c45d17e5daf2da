import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { it } from "node:test";
import { EntenteFileError } from "../../shared/entente-file-error.ts";
import { parseEntenteText } from "./read-entente-file.ts";

const LYON = readFileSync(new URL("../../../examples/lyon-2023/entente.yaml", import.meta.url), "utf8");

it('a "\\0" in a name of the entente file is the file\'s fault: located on its line, not a database error later', () => {
  const text = LYON.replace("name: Métropole de Lyon", 'name: "Métropole\\0de Lyon"');
  assert.notEqual(text, LYON);
  const line = text.split("\n").findIndex((l) => l.includes("Métropole\\0")) + 1;
  assert.throws(
    () => parseEntenteText(text, "lyon.yaml"),
    (error) => {
      assert.ok(error instanceof EntenteFileError);
      assert.equal(error.issues.length, 1);
      assert.equal(error.issues[0]?.code, "file.invalid_field");
      assert.equal(error.issues[0]?.line, line);
      return true;
    },
  );
});
