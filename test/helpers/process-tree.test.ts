import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { idleChild } from "../fixtures/child-process/idle-child-spec.ts";
import { descendantsOf } from "./process-tree.ts";
import { startChild } from "./start-child.ts";

describe("descendantsOf", () => {
  it("finds a child and the child's own child, children first; nothing under a process without any", async () => {
    const { child, ready } = await startChild(idleChild({ ready: true, grandchild: true }));
    try {
      const found = descendantsOf(process.pid);
      assert.ok(found.includes(child.pid), `${child.pid} in ${found.join(", ")}`);
      assert.ok(ready.grandchild !== null && found.indexOf(ready.grandchild) > found.indexOf(child.pid));
      assert.deepEqual(descendantsOf(ready.grandchild), []);
    } finally {
      await child.stop();
    }
  });
});
