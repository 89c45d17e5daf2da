import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LYON, runEntente } from "../helpers/run-cli.ts";

/**
 * Fresh-user findings, item 9: `--leave` / `--join` are never silently ignored, and a joining id
 * in the wrong format is said once, with the rule (shared/identifiers.ts).
 */
describe("entente simulate --join / --leave", () => {
  it("--leave without --with: a usage error (exit 2) saying to add --with, no table", () => {
    const result = runEntente(["simulate", LYON, "--key", "socle", "--leave", "sitiv"], {
      env: { ENTENTE_LANG: "fr" },
    });
    assert.equal(result.status, 2, result.stdout);
    assert.match(result.stderr, /cli\.bad_option.*--leave.*--with/s);
    assert.equal(result.stdout, "");
  });

  it("--join with an id in the wrong format: said once, with the rule (exit 2)", () => {
    const result = runEntente(
      ["simulate", LYON, "--key", "socle", "--with", "socle", "--join", "Villeurbanne é"],
      {
        env: { ENTENTE_LANG: "fr" },
      },
    );
    assert.equal(result.status, 2, result.stdout);
    assert.equal(result.stderr.trim().split("\n").length, 1, result.stderr);
    assert.match(result.stderr, /--join.*lettres sans accent.*« Villeurbanne é »/);
  });
});
