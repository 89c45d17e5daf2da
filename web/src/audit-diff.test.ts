import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diffAudit } from "./audit-diff.ts";

describe("diffAudit", () => {
  it("lists the fields that changed, not the row version", () => {
    assert.deepEqual(
      diffAudit(
        { name: "SITIV", siren: null, rowVersion: 1 },
        { name: "SITIV", siren: "256900994", rowVersion: 2 },
      ),
      [{ field: "siren", before: "null", after: '"256900994"' }],
    );
  });

  it("shows a creation and a deletion as one change from or to nothing", () => {
    assert.deepEqual(diffAudit(null, { a: 1 }), [{ field: "", before: "null", after: '{"a":1}' }]);
    assert.deepEqual(diffAudit({ a: 1 }, undefined), [{ field: "", before: '{"a":1}', after: "—" }]);
  });

  it("compares nested values whole and reports nothing when equal", () => {
    assert.deepEqual(diffAudit({ shares: [1, 2] }, { shares: [1, 2] }), []);
    assert.equal(diffAudit({ shares: [1, 2] }, { shares: [2, 1] }).length, 1);
  });
});
