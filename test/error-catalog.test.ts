import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { httpProblemCatalog } from "../src/platform/http/problem-messages.ts";
import {
  defineErrors,
  type ErrorCode,
  formatMessage,
  type Lang,
  loadedErrorCatalog,
  statusOf,
} from "../src/shared/errors.ts";
import { ALL_CODES } from "./helpers/error-catalogs.ts";

const LANGS: Lang[] = ["fr", "en"];

/** The `details` fields a message reads (`d.file`, `d.reason`…), from the message's source. */
function detailNames(code: ErrorCode, lang: Lang): string[] {
  const definition = loadedErrorCatalog().get(code);
  const source = definition?.[lang].toString() ?? "";
  return [...new Set([...source.matchAll(/\bd\.(\w+)/g)].map((m) => m[1] ?? ""))].sort();
}

describe("the error catalogs of the contexts", () => {
  it("every code is shaped area.reason and belongs to one context only", () => {
    for (const code of ALL_CODES) assert.match(code, /^[a-z_]+\.[a-z0-9_]+$/, code);
    assert.equal(new Set(ALL_CODES).size, ALL_CODES.length);
    assert.ok(ALL_CODES.length >= 70, `only ${ALL_CODES.length} codes loaded`);
  });

  for (const code of ALL_CODES) {
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

  it("gives every code a 4xx or 5xx status", () => {
    for (const code of ALL_CODES) {
      const status = statusOf(code);
      assert.ok(status >= 400 && status <= 599, `${code}: ${status}`);
    }
  });

  it("answers 404 for what does not exist, 409 for a conflict, 422 for a broken rule", () => {
    assert.equal(statusOf("exercise.not_found"), 404);
    assert.equal(statusOf("conflict.stale_version"), 409);
    assert.equal(statusOf("budget.unbalanced"), 422);
    assert.equal(statusOf("auth.required"), 401);
  });

  it("a code without a status, or an unknown code, does not compile (checked by tsc)", () => {
    assert.throws(() =>
      // @ts-expect-error: every code needs a status
      defineErrors({ "test.no_status": { fr: () => "x", en: () => "x" } }),
    );
    // @ts-expect-error: not a code of any catalog
    const unknown: ErrorCode = "budget.nonexistent";
    assert.equal(typeof unknown, "string");
  });

  it("refuses a code defined twice or not shaped area.reason, at load", () => {
    const definition = { status: 422, fr: () => "x", en: () => "y" } as const;
    assert.throws(() => defineErrors({ "budget.unbalanced": definition }), /defined twice/);
    assert.throws(() => defineErrors({ NotACode: definition }), /area\.reason/);
  });

  it("the codes of the HTTP layer's own problems are in none of the catalogs", () => {
    for (const code of Object.keys(httpProblemCatalog))
      assert.ok(!ALL_CODES.includes(code as ErrorCode), code);
  });
});

describe("docs/errors.md", () => {
  const docs = new URL("../docs/errors.md", import.meta.url);

  it("documents every code of every catalog", () => {
    assert.ok(existsSync(docs), `docs/errors.md is missing: it must document the ${ALL_CODES.length} codes`);
    const text = readFileSync(docs, "utf8");
    const missing = ALL_CODES.filter((code) => {
      const escaped = code.replaceAll(".", "\\.");
      return !new RegExp(`(^|[^\\w.])${escaped}(?![\\w])`, "m").test(text);
    });
    assert.deepEqual(missing, [], `codes missing from docs/errors.md: ${missing.join(", ")}`);
  });
});
