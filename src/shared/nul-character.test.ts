import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findNulCharacter } from "./nul-character.ts";

describe("findNulCharacter", () => {
  it("finds U+0000 in a nested string and names its path", () => {
    assert.deepEqual(findNulCharacter({ members: [{ name: "ok" }, { name: "a\u0000b" }] }), [
      "members",
      1,
      "name",
    ]);
  });
  it("finds it in an object key", () => {
    assert.deepEqual(findNulCharacter({ meta: { "k\u0000": 1 } }), ["meta", "k\u0000"]);
  });
  it("accepts text without it, other control characters and the escaped spelling", () => {
    for (const value of ["a\tb", "\\u0000", { n: 1, b: true, z: null }, [], "é\u0001"]) {
      assert.equal(findNulCharacter(value), undefined);
    }
  });
  it("finds it in a bare string at the root", () => {
    assert.deepEqual(findNulCharacter("\u0000"), []);
  });
});
