import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { serviceTransition } from "./service-access.ts";

describe("serviceTransition: the one event a service's connectors get", () => {
  it("a person admitted: created the first time, reactivated after a disabling, updated on their own change", () => {
    assert.deepEqual(serviceTransition(null, true, null), { kind: "created", after: true });
    assert.deepEqual(serviceTransition(null, true, "updated"), { kind: "created", after: true });
    assert.deepEqual(serviceTransition(false, true, null), { kind: "reactivated", after: true });
    assert.deepEqual(serviceTransition(true, true, "updated"), { kind: "updated", after: true });
    assert.deepEqual(serviceTransition(true, true, null), { kind: null, after: true });
  });

  it("a person no longer admitted: disabled once, never re-enabled by their own updates", () => {
    assert.deepEqual(serviceTransition(true, false, null), { kind: "suspended", after: false });
    assert.deepEqual(serviceTransition(true, false, "suspended"), { kind: "suspended", after: false });
    for (const kind of ["updated", "reactivated", "suspended", null] as const) {
      assert.deepEqual(serviceTransition(false, false, kind), { kind: null, after: false });
      assert.deepEqual(serviceTransition(null, false, kind), { kind: null, after: null });
    }
  });

  it("a person deleted: deleted where they had an account, the ledger forgets them", () => {
    assert.deepEqual(serviceTransition(false, false, "deleted"), { kind: "deleted", after: null });
    assert.deepEqual(serviceTransition(true, true, "deleted"), { kind: "deleted", after: null });
    assert.deepEqual(serviceTransition(null, true, "deleted"), { kind: null, after: null });
  });
});
