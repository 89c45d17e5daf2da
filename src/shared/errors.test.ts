import assert from "node:assert/strict";
import { describe, it } from "node:test";
// The catalogs whose codes these tests throw (a test of the kernel may load them).
import "../finance/errors.ts";
import { EntenteError, ensure, formatMessage, ValidationError } from "./errors.ts";

describe("EntenteError, ValidationError, ensure", () => {
  it("EntenteError carries its code, details, path, cause and an English message", () => {
    const cause = new Error("ENOENT");
    const error = new EntenteError("file.not_found", { file: "x.yaml" }, { path: ["members", 0], cause });
    assert.ok(error instanceof Error);
    assert.equal(error.name, "EntenteError");
    assert.equal(error.code, "file.not_found");
    assert.deepEqual(error.details, { file: "x.yaml" });
    assert.deepEqual(error.path, ["members", 0]);
    assert.equal(error.cause, cause);
    assert.equal(error.message, formatMessage("file.not_found", { file: "x.yaml" }, "en"));
    assert.match(error.message, /x\.yaml/);
  });

  it("EntenteError without a cause has none", () => {
    const error = new EntenteError("exercise.not_found", { year: 2030, known: "2022, 2023" });
    assert.equal(error.cause, undefined);
    assert.ok(!("cause" in error));
    assert.deepEqual(error.path, []);
  });

  it("formatMessage is French by default", () => {
    assert.equal(
      formatMessage("exercise.not_found", { year: 2030, known: "2022, 2023" }),
      "aucun exercice 2030 dans ce fichier. Exercices disponibles : 2022, 2023.",
    );
  });

  it("ValidationError lists every issue", () => {
    const error = new ValidationError([
      { code: "key.empty", path: ["keys", 0], details: { key: "k", what: "x" } },
      { code: "budget.unbalanced", path: ["exercises", 0], details: { year: 2023, sections: "s" } },
    ]);
    assert.equal(error.issues.length, 2);
    assert.match(error.message, /2 problem\(s\).*key\.empty, budget\.unbalanced/);
  });

  it("ensure passes on a truthy condition and throws the code otherwise", () => {
    assert.doesNotThrow(() => ensure(1, "key.empty", { key: "k", what: "x" }));
    assert.throws(
      () => ensure(false, "adjustment.not_zero_sum", { adjustment: "adj", sum: "+1 €" }),
      (error: unknown) =>
        error instanceof EntenteError &&
        error.code === "adjustment.not_zero_sum" &&
        error.details.adjustment === "adj",
    );
  });
});
