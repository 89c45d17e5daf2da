import assert from "node:assert/strict";
import { it } from "node:test";
import { nextAttemptAt } from "./retry-policy.ts";

const policy = { baseSeconds: 10, maxSeconds: 60, maxAttempts: 5 };
const now = new Date("2026-01-01T00:00:00Z");

it("doubles the wait after each failed attempt, up to the cap, then gives up", () => {
  const waits = [1, 2, 3, 4].map(
    (attempt) => ((nextAttemptAt(attempt, now, policy)?.getTime() ?? 0) - now.getTime()) / 1000,
  );
  assert.deepEqual(waits, [10, 20, 40, 60]);
  assert.equal(nextAttemptAt(5, now, policy), null);
});
