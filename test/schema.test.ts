import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse } from "yaml";
import { ententeJsonSchema } from "../src/finance/cli/schema-print.ts";
import { ROOT } from "./helpers/run-cli.ts";

describe("JSON Schema of the entente file", () => {
  const committed = readFileSync(`${ROOT}schemas/entente.schema.json`, "utf8");

  it("is up to date with the zod schema (run `npm run schema`)", () => {
    assert.equal(committed, ententeJsonSchema());
  });

  const validate = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(committed));
  for (const example of ["lyon-2023", "syndicat-12-communes"]) {
    it(`accepts examples/${example}`, () => {
      const data = parse(readFileSync(`${ROOT}examples/${example}/entente.yaml`, "utf8"));
      assert.equal(validate(data), true, JSON.stringify(validate.errors));
    });
  }

  it("rejects a typo in a field name and a wrong section amount type", () => {
    const data = parse(readFileSync(`${ROOT}examples/lyon-2023/entente.yaml`, "utf8"));
    data.members[0].nmae = data.members[0].name;
    assert.equal(validate(data), false);
    const other = parse(readFileSync(`${ROOT}examples/lyon-2023/entente.yaml`, "utf8"));
    other.exercises[1].expenses[0].fonctionnement = { amount: 1 };
    assert.equal(validate(other), false);
  });
});
