import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { daysBefore, migrationStage } from "./mail-migration.ts";

describe("mail migration stage", () => {
  it("goes planned → created → first sign-in → done", () => {
    assert.equal(migrationStage({ planned: 3, created: 0, signedIn: 0 }, null), "planned");
    assert.equal(migrationStage({ planned: 3, created: 2, signedIn: 0 }, null), "created");
    assert.equal(migrationStage({ planned: 3, created: 3, signedIn: 1 }, null), "first-sign-in");
    assert.equal(migrationStage({ planned: 3, created: 3, signedIn: 3 }, null), "done");
    assert.equal(
      migrationStage({ planned: 0, created: 0, signedIn: 0 }, null),
      "planned",
      "nobody planned is not done",
    );
    assert.equal(
      migrationStage({ planned: 3, created: 1, signedIn: 0 }, "2024-03-31"),
      "done",
      "the wave has ended",
    );
  });

  it("counts the days to the wave's start", () => {
    assert.equal(daysBefore("2026-03-02", "2026-03-16"), 14);
    assert.equal(daysBefore("2026-03-30", "2026-03-29"), -1);
    assert.equal(daysBefore("2026-03-28", "2026-03-30"), 2, "across the change to summer time: whole days");
  });
});
