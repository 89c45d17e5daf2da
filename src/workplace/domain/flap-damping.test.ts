import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type DampedState, dampState } from "./flap-damping.ts";
import { validateProbeFields } from "./probe.ts";
import type { ProbeResult, ProbeState } from "./service-status.ts";

/** The damped states after each of `results`, from nothing. */
function run(results: ProbeResult[], failuresToDown = 2, successesToUp = 2): (ProbeState | null)[] {
  let state: DampedState | null = null;
  return results.map((result) => {
    state = dampState(state, result, { failuresToDown, successesToUp });
    return state.state;
  });
}

describe("flap damping", () => {
  it("down only after N consecutive failures; a success in between starts again", () => {
    assert.deepEqual(run(["operational", "down", "operational", "down", "down"]), [
      "operational",
      "operational",
      "operational",
      "operational",
      "down",
    ]);
    assert.deepEqual(run(["operational", "down", "down", "down"], 3), [
      "operational",
      "operational",
      "operational",
      "down",
    ]);
  });

  it("back up only after M consecutive successes; degraded counts as a success", () => {
    assert.deepEqual(
      run(["down", "down", "operational", "down", "degraded", "operational", "operational"], 2, 3),
      [null, "down", "down", "down", "down", "down", "operational"],
    );
  });

  it("operational ↔ degraded at once; the first success at once; 1 and 1 is no damping", () => {
    assert.deepEqual(run(["operational", "degraded", "operational"]), [
      "operational",
      "degraded",
      "operational",
    ]);
    assert.deepEqual(run(["down", "operational"], 1, 1), ["down", "operational"]);
  });

  it("a failure in maintenance changes nothing: neither down, nor a step towards it", () => {
    assert.deepEqual(run(["operational", "down", "maintenance", "maintenance", "down"]), [
      "operational",
      "operational",
      "operational",
      "operational",
      "down",
    ]);
    const before = { state: "down" as const, failures: 4, successes: 0 };
    assert.deepEqual(dampState(before, "maintenance", { failuresToDown: 2, successesToUp: 2 }), before);
  });

  it("runs are counted up to 10, enough for any setting", () => {
    let state: DampedState | null = null;
    for (let i = 0; i < 50; i++) state = dampState(state, "down", { failuresToDown: 10, successesToUp: 10 });
    assert.deepEqual(state, { state: "down", failures: 10, successes: 0 });
  });

  it("settings: 2 and 2 by default, 1 to 10, each wrong one named", () => {
    const base = { kind: "http", target: "https://visio.lyon.fr/", timeoutMs: 2000, intervalSeconds: 60 };
    const fields = validateProbeFields(base);
    assert.deepEqual([fields.failuresToDown, fields.successesToUp], [2, 2]);
    assert.deepEqual(
      [validateProbeFields({ ...base, failuresToDown: 10, successesToUp: 1 })].map((f) => [
        f.failuresToDown,
        f.successesToUp,
      ]),
      [[10, 1]],
    );
    assert.throws(
      () => validateProbeFields({ ...base, failuresToDown: 0, successesToUp: 11 }),
      (error: { issues: { path: string[]; details: { expected: { fr: string } } }[] }) =>
        error.issues.map((i) => i.path[0]).join() === "failuresToDown,successesToUp" &&
        /de 1 à 10/.test(error.issues[0]?.details.expected.fr ?? ""),
    );
    assert.throws(() => validateProbeFields({ ...base, failuresToDown: 1.5 }));
  });
});
