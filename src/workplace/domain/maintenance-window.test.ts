import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Incident } from "./incident.ts";
import {
  isCoveredAt,
  type MaintenanceWindow,
  maintenanceMinutesByDay,
  maintenanceWindows,
} from "./maintenance-window.ts";
import { probeResult, uptimeBars } from "./service-status.ts";

const at = (iso: string) => new Date(iso);
const window = (startsAt: string, endsAt: string | null, clientIds = ["visio"]): MaintenanceWindow => ({
  startsAt: at(startsAt),
  endsAt: endsAt === null ? null : at(endsAt),
  clientIds,
});
const minutes = (windows: MaintenanceWindow[], clientId = "visio", now = "2026-03-12T00:00:00Z") =>
  Object.fromEntries(maintenanceMinutesByDay(windows, clientId, "2026-03-01", at(now)));

describe("planned maintenance and uptime", () => {
  it("a window across midnight (UTC days, the counters' rule) is split between its two days", () => {
    assert.deepEqual(minutes([window("2026-03-09T23:30:00Z", "2026-03-10T01:00:00Z")]), {
      "2026-03-09": 30,
      "2026-03-10": 60,
    });
    // 23:30 in Paris (UTC+1 in March) is 22:30 UTC: one UTC day, not two.
    assert.deepEqual(minutes([window("2026-03-09T23:30:00+01:00", "2026-03-10T00:30:00+01:00")]), {
      "2026-03-09": 60,
    });
  });

  it("a window partly covering a day counts its part only; a short one still marks its day", () => {
    assert.deepEqual(minutes([window("2026-03-10T08:00:00Z", "2026-03-10T10:15:00Z")]), {
      "2026-03-10": 135,
    });
    assert.deepEqual(minutes([window("2026-03-10T08:00:00Z", "2026-03-10T08:00:20Z")]), { "2026-03-10": 1 });
    assert.deepEqual(minutes([window("2026-03-10T00:00:00Z", "2026-03-11T00:00:00Z")]), {
      "2026-03-10": 1440,
    });
  });

  it("overlapping windows count once; what is still to come and before the first day is not counted", () => {
    assert.deepEqual(
      minutes([
        window("2026-03-10T08:00:00Z", "2026-03-10T10:00:00Z"),
        window("2026-03-10T09:00:00Z", "2026-03-10T11:00:00Z"),
        window("2026-03-10T09:30:00Z", "2026-03-10T09:45:00Z"),
        window("2026-03-10T11:00:00Z", "2026-03-10T11:30:00Z"),
      ]),
      { "2026-03-10": 210 },
    );
    assert.deepEqual(minutes([window("2026-03-11T23:00:00Z", null)], "visio", "2026-03-11T23:20:00Z"), {
      "2026-03-11": 20,
    });
    assert.deepEqual(minutes([window("2026-02-28T23:00:00Z", "2026-03-01T00:10:00Z")]), { "2026-03-01": 10 });
  });

  it("a maintenance of one service does not cover another", () => {
    const windows = [window("2026-03-10T08:00:00Z", "2026-03-10T10:00:00Z", ["visio"])];
    assert.deepEqual(minutes(windows, "chat"), {});
    assert.equal(isCoveredAt(windows, "visio", at("2026-03-10T09:00:00Z")), true);
    assert.equal(isCoveredAt(windows, "chat", at("2026-03-10T09:00:00Z")), false);
    assert.equal(isCoveredAt(windows, "visio", at("2026-03-10T10:00:00Z")), false, "the end is excluded");
    assert.equal(isCoveredAt(windows, "visio", at("2026-03-10T08:00:00Z")), true, "the start is included");
    assert.equal(
      isCoveredAt([window("2026-03-10T08:00:00Z", null)], "visio", at("2030-01-01T00:00:00Z")),
      true,
    );
  });

  it("windows from maintenance only; a completed one ends when it was closed, if earlier", () => {
    const base = {
      id: "i",
      ententeId: "lyon",
      title: "t",
      createdAt: at("2026-03-01T00:00:00Z"),
      clientIds: ["visio"],
      memberIds: [],
      rowVersion: 1,
    };
    const incidents: Incident[] = [
      {
        ...base,
        kind: "incident",
        impact: "down",
        status: "investigating",
        startsAt: at("2026-03-10T08:00:00Z"),
        endsAt: null,
        updates: [],
      },
      {
        ...base,
        kind: "maintenance",
        impact: "maintenance",
        status: "completed",
        startsAt: at("2026-03-10T08:00:00Z"),
        endsAt: at("2026-03-10T12:00:00Z"),
        updates: [{ at: at("2026-03-10T09:00:00Z"), status: "completed", message: "fini", author: "a" }],
      },
    ];
    assert.deepEqual(maintenanceWindows(incidents), [window("2026-03-10T08:00:00Z", "2026-03-10T09:00:00Z")]);
  });

  it("a failure in maintenance is `maintenance`, not down; the day leaves those probes out and shows its minutes", () => {
    assert.equal(probeResult({ ok: false, elapsedMs: 5, detail: "HTTP 503" }, 1000, true), "maintenance");
    assert.equal(probeResult({ ok: false, elapsedMs: 5, detail: "HTTP 503" }, 1000, false), "down");
    assert.equal(probeResult({ ok: true, elapsedMs: 5, detail: null }, 1000, true), "operational");
    const now = at("2026-03-10T23:59:00Z");
    const { bars, permyriad } = uptimeBars(
      [
        { day: "2026-03-10", checks: 1320, up: 1320, maintenance: 120 },
        { day: "2026-03-09", checks: 0, up: 0, maintenance: 1440 },
      ],
      now,
      new Map([
        ["2026-03-10", 120],
        ["2026-03-09", 1440],
      ]),
    );
    assert.deepEqual(bars.at(-1), { day: "2026-03-10", permyriad: 10_000, maintenanceMinutes: 120 });
    assert.deepEqual(bars.at(-2), { day: "2026-03-09", permyriad: null, maintenanceMinutes: 1440 });
    assert.equal(permyriad, 10_000, "two hours of maintenance do not lower the 90-day figure");
  });
});
