import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { EntenteFileError } from "../../shared/entente-file-error.ts";
import { parseYamlFast } from "./parse-yaml-fast.ts";
import { parseEntenteText, parseLocated } from "./read-entente-file.ts";

const example = (name: string) =>
  readFileSync(new URL(`../../../examples/${name}/entente.yaml`, import.meta.url), "utf8");

describe("parseYamlFast: the fast path of a valid entente file", () => {
  it("keeps every number as its source text, as the located parser does", () => {
    const text =
      'a: 1.50\nb: 0x1F\nc: true\nd: ~\ne: "3"\nf: 1e3\ng: .inf\nh: 2025-01-01\ni: 0777\nj: [1, -2.0]\n';
    assert.deepEqual(parseYamlFast(text), {
      a: "1.50",
      b: "0x1F",
      c: true,
      d: null,
      e: "3",
      f: "1e3",
      g: ".inf",
      h: "2025-01-01",
      i: "0777",
      j: ["1", "-2.0"],
    });
  });

  it("leaves to the located parser anything it would have to judge", () => {
    assert.equal(parseYamlFast("a: &x 1\nb: *x\n"), undefined, "anchor and alias");
    assert.equal(parseYamlFast("a: 1\na: 2\n"), undefined, "duplicate key");
    assert.equal(parseYamlFast("%YAML 1.1\n---\na: yes\n"), undefined, "directive");
    assert.equal(parseYamlFast("a: [1\n"), undefined, "syntax error");
    assert.equal(parseYamlFast("a: !custom 1\n"), undefined, "unknown tag");
  });

  for (const name of ["lyon-2023", "syndicat-12-communes"])
    it(`reads examples/${name} exactly as the located parser`, () => {
      const text = example(name);
      assert.notEqual(parseYamlFast(text), undefined);
      assert.deepEqual(parseEntenteText(text, "entente.yaml"), parseLocated(text, "entente.yaml"));
    });

  it("reads the same entente with CRLF line ends", () => {
    const text = example("lyon-2023");
    const crlf = text.replace(/\n/g, "\r\n");
    assert.notEqual(parseYamlFast(crlf), undefined);
    assert.deepEqual(parseEntenteText(crlf, "entente.yaml"), parseLocated(text, "entente.yaml"));
  });

  it("still names the line of a problem (the located parser reads an invalid file again)", () => {
    const text = example("lyon-2023").replace("durationYears: 6", "durationYears: beaucoup");
    assert.throws(
      () => parseEntenteText(text, "entente.yaml"),
      (error: unknown) =>
        error instanceof EntenteFileError &&
        error.issues.some(
          (issue) => issue.line === text.slice(0, text.indexOf("beaucoup")).split("\n").length,
        ),
    );
  });
});
