import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import type { Lang } from "../../shared/errors.ts";
import {
  formatHttpProblemMessage,
  type HttpProblemCode,
  httpProblemCatalog,
  statusTitle,
} from "./problem-messages.ts";

const CODES = Object.keys(httpProblemCatalog) as HttpProblemCode[];

function detailNames(code: HttpProblemCode, lang: Lang): string[] {
  const source = httpProblemCatalog[code][lang].toString();
  return [...new Set([...source.matchAll(/\bd\.(\w+)/g)].map((m) => m[1] ?? ""))].sort();
}

describe("httpProblemCatalog", () => {
  it("codes are shaped area.reason (test/error-catalog.test.ts: none is in a context's catalog)", () => {
    for (const code of CODES) assert.match(code, /^[a-z]+\.[a-z0-9_]+$/, code);
  });

  for (const code of CODES) {
    it(`${code}: French and English read the same details and render each of them`, () => {
      const names = detailNames(code, "fr");
      assert.deepEqual(detailNames(code, "en"), names);
      const details = Object.fromEntries(names.map((name, i) => [name, `«${name}-${i}»`]));
      for (const lang of ["fr", "en"] as const) {
        const message = formatHttpProblemMessage(code, details, lang);
        for (const value of Object.values(details)) assert.ok(message.includes(value), `${lang}: ${message}`);
      }
    });
  }

  it("every code is documented in src/http/README.md", () => {
    const readme = readFileSync(new URL("./README.md", import.meta.url), "utf8");
    const missing = CODES.filter((code) => !readme.includes(`\`${code}\``));
    assert.deepEqual(missing, []);
  });
});

describe("statusTitle", () => {
  it("names the status in the language asked, falling back to Node's English phrase", () => {
    assert.equal(statusTitle(404, "fr"), "Introuvable");
    assert.equal(statusTitle(404, "en"), "Not Found");
    assert.equal(statusTitle(418, "fr"), "I'm a Teapot");
    assert.equal(statusTitle(599, "en"), "HTTP 599");
  });
});
