import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { LYON, runEntente } from "../helpers/run-cli.ts";

const tmp = () => mkdtempSync(join(tmpdir(), "entente-dates-"));

// A day that does not exist is refused everywhere (it was silently moved: 2023-02-31 → 3 March).
describe("impossible calendar dates are refused, naming the option or field", () => {
  const cases: [string, string[]][] = [
    ["--due-on", ["document", "fund-call", LYON, "--member", "metropole", "--due-on", "2023-02-31"]],
    [
      "--conference-date",
      ["document", "deliberation", LYON, "--member", "metropole", "--conference-date", "2022-02-30"],
    ],
    [
      "--convention-date",
      ["document", "deliberation", LYON, "--member", "metropole", "--convention-date", "2023-02-29"],
    ],
  ];
  for (const [option, args] of cases)
    it(`refuses ${option} on a day that does not exist, writing nothing`, () => {
      const out = join(tmp(), "out.odt");
      const result = runEntente([...args, "--out", out]);
      assert.notEqual(result.status, 0);
      assert.match(result.stderr, new RegExp(option));
      assert.match(result.stderr, /AAAA-MM-JJ/);
      assert.equal(existsSync(out), false);
    });

  it("validate refuses convention.signedOn: 2022-13-45 and accepts 2024-02-29", () => {
    const text = readFileSync(LYON, "utf8");
    assert.match(text, /signedOn: /);
    const bad = join(tmp(), "entente.yaml");
    writeFileSync(bad, text.replace(/signedOn: .*/, "signedOn: 2022-13-45"));
    const refused = runEntente(["validate", bad]);
    assert.notEqual(refused.status, 0);
    assert.match(refused.stderr, /signedOn/);
    assert.match(refused.stderr, /AAAA-MM-JJ/);
    const good = join(tmp(), "entente.yaml");
    writeFileSync(good, text.replace(/signedOn: .*/, "signedOn: 2024-02-29"));
    assert.equal(runEntente(["validate", good]).status, 0);
  });
});
