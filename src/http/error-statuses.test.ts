import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type ErrorCode, errorCatalog } from "../domain/errors.ts";
import { type ErrorStatus, errorStatuses } from "./error-statuses.ts";

describe("errorStatuses", () => {
  it("gives every code of the catalog a 4xx or 5xx status, and knows no other code", () => {
    assert.deepEqual(Object.keys(errorStatuses).sort(), Object.keys(errorCatalog).sort());
    for (const [code, status] of Object.entries(errorStatuses)) {
      assert.ok(status >= 400 && status <= 599, `${code}: ${status}`);
    }
  });

  it("a table that forgets a code does not compile (checked by tsc)", () => {
    // @ts-expect-error: every ErrorCode needs a status
    const incomplete: Record<ErrorCode, ErrorStatus> = { "exercise.not_found": 404 };
    assert.equal(Object.keys(incomplete).length, 1);
  });

  it("answers 404 for what does not exist, 409 for a conflict, 422 for a broken rule", () => {
    assert.equal(errorStatuses["exercise.not_found"], 404);
    assert.equal(errorStatuses["conflict.stale_version"], 409);
    assert.equal(errorStatuses["budget.unbalanced"], 422);
    assert.equal(errorStatuses["auth.required"], 401);
  });
});
