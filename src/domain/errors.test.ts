import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import {
  EntenteError,
  type ErrorCode,
  ensure,
  errorCatalog,
  formatMessage,
  type Lang,
  ValidationError,
} from "./errors.ts";

const CODES = Object.keys(errorCatalog) as ErrorCode[];
const LANGS: Lang[] = ["fr", "en"];

/** The `details` fields a message reads (`d.file`, `d.reason`…), from the message's source. */
function detailNames(code: ErrorCode, lang: Lang): string[] {
  const source = errorCatalog[code][lang].toString();
  return [...new Set([...source.matchAll(/\bd\.(\w+)/g)].map((m) => m[1] ?? ""))].sort();
}

describe("errorCatalog", () => {
  it("every code is shaped area.reason", () => {
    for (const code of CODES) assert.match(code, /^[a-z_]+\.[a-z0-9_]+$/, code);
  });

  for (const code of CODES) {
    it(`${code}: French and English read the same details, and render every one of them`, () => {
      assert.deepEqual(detailNames(code, "fr"), detailNames(code, "en"));
      const names = detailNames(code, "fr");
      const details = Object.fromEntries(names.map((name, i) => [name, `«${name}-${i}»`]));
      for (const lang of LANGS) {
        const message = formatMessage(code, details, lang);
        for (const value of Object.values(details)) assert.ok(message.includes(value), `${lang}: ${message}`);
        assert.ok(!message.includes("undefined"), `${lang}: ${message}`);
      }
    });
  }
});

describe("docs/errors.md", () => {
  const docs = new URL("../../docs/errors.md", import.meta.url);

  it("documents every code of the catalog", () => {
    assert.ok(
      existsSync(docs),
      `docs/errors.md is missing: it must document the ${CODES.length} codes of errorCatalog`,
    );
    const text = readFileSync(docs, "utf8");
    const missing = CODES.filter((code) => {
      const escaped = code.replaceAll(".", "\\.");
      return !new RegExp(`(^|[^\\w.])${escaped}(?![\\w])`, "m").test(text);
    });
    assert.deepEqual(missing, [], `codes missing from docs/errors.md: ${missing.join(", ")}`);
  });
});

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
