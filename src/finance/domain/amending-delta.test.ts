import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lineDeltas, memberDeltas } from "./amending-delta.ts";
import { versionsInForce } from "./version-in-force.ts";

const line = (label: string, amountCents: bigint) => ({
  missionId: null,
  label,
  section: "fonctionnement" as const,
  direction: "expense" as const,
  amountCents,
});

describe("an amending budget beside the adopted one", () => {
  it("lines matched by mission, section, direction and label: changed, added and removed", () => {
    const rows = lineDeltas(
      [line("Chef de projet", 140_000_00n), line("Formation", 10_000_00n)],
      [line("Chef de projet", 150_000_00n), line("Audit", 5_000_00n)],
    );
    assert.deepEqual(
      rows.map((r) => [r.label, r.adopted, r.amended, r.delta]),
      [
        ["Chef de projet", 140_000_00n, 150_000_00n, 10_000_00n],
        ["Audit", 0n, 5_000_00n, 5_000_00n],
        ["Formation", 10_000_00n, 0n, -10_000_00n],
      ],
    );
  });

  it("members before and after, Σ delta = the change of the total", () => {
    const rows = memberDeltas(
      2023,
      [
        { member: "metropole", total: 305_797_00n },
        { member: "sitiv", total: 116_328_00n },
      ],
      [
        { member: "metropole", total: 310_582_00n },
        { member: "sitiv", total: 117_146_00n },
      ],
    );
    assert.deepEqual(
      rows.map((r) => r.delta),
      [4_785_00n, 818_00n],
    );
  });

  it("the version in force: the latest adopted one while a DM is prepared, the latest one before any adoption", () => {
    const versions = [
      { id: 3n, year: 2023, number: 2, status: "draft" },
      { id: 2n, year: 2023, number: 1, status: "adopted" },
      { id: 1n, year: 2024, number: 1, status: "draft" },
    ];
    assert.deepEqual(
      [...versionsInForce(versions, null)],
      [
        [2023, 2n],
        [2024, 1n],
      ],
    );
    assert.deepEqual(
      [...versionsInForce(versions, { year: 2023 })],
      [
        [2023, 3n],
        [2024, 1n],
      ],
    );
    assert.deepEqual(
      [...versionsInForce(versions, { year: 2023, number: 1 })],
      [
        [2023, 2n],
        [2024, 1n],
      ],
    );
    const adopted = [{ id: 4n, year: 2023, number: 2, status: "adopted" }, ...versions.slice(1)];
    assert.deepEqual(versionsInForce(adopted, null).get(2023), 4n);
  });
});
