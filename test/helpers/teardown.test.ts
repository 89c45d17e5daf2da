import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createTeardown, stopAfterFailure } from "./teardown.ts";

describe("createTeardown", () => {
  it("stops the last started first, each once, even when another stop fails", async () => {
    const stopped: string[] = [];
    const teardown = createTeardown();
    teardown.add("the database", () => stopped.push("database"));
    teardown.add("the server", () => {
      stopped.push("server");
      throw new Error("already closed");
    });
    teardown.add("the peer", async () => {
      stopped.push("peer");
    });
    await assert.rejects(teardown.run(), (error: AggregateError) => {
      assert.equal(error.message, "cannot stop the server");
      assert.match(String((error.errors[0] as Error).cause), /already closed/);
      return true;
    });
    assert.deepEqual(stopped, ["peer", "server", "database"]);
    await assert.rejects(teardown.run());
    assert.deepEqual(stopped, ["peer", "server", "database"], "not stopped twice");
  });

  it("after a failed set-up step: stops what was started, then throws the step's failure", async () => {
    const stopped: string[] = [];
    const teardown = createTeardown();
    teardown.add("the database", () => stopped.push("database"));
    const failure = new Error("slapd is not running");
    await assert.rejects(stopAfterFailure(teardown, failure), (error) => error === failure);
    assert.deepEqual(stopped, ["database"]);
  });

  it("when stopping fails too, both failures are thrown", async () => {
    const teardown = createTeardown();
    teardown.add("the server", () => {
      throw new Error("stuck");
    });
    await assert.rejects(stopAfterFailure(teardown, new Error("set-up failed")), (error: AggregateError) => {
      assert.equal((error.errors[0] as Error).message, "set-up failed");
      return /stopping what it started too/.test(error.message);
    });
  });
});
