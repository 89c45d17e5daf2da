import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { validateIncident } from "./incident.ts";
import { parseTcpTarget, validateProbeFields } from "./probe.ts";
import { currentState, probeState, uptimeBars } from "./service-status.ts";

describe("service status rules", () => {
  it("a probe's state: down when it failed, degraded when slower than half its timeout", () => {
    assert.equal(probeState({ ok: false, elapsedMs: 5, detail: "HTTP 503" }, 1000), "down");
    assert.equal(probeState({ ok: true, elapsedMs: 501, detail: null }, 1000), "degraded");
    assert.equal(probeState({ ok: true, elapsedMs: 500, detail: null }, 1000), "operational");
  });

  it("the state shown: maintenance first, then the worse of the probe and the incidents", () => {
    assert.equal(currentState(null, []), "unknown");
    assert.equal(currentState("operational", [{ impact: "degraded" }]), "degraded");
    assert.equal(currentState("down", [{ impact: "degraded" }]), "down");
    assert.equal(currentState("down", [{ impact: "maintenance" }]), "maintenance");
    assert.equal(currentState(null, [{ impact: "down" }]), "down");
  });

  it("90 bars, oldest first; uptime rounded down to the per-ten-thousand, never 100 % with a failure", () => {
    const now = new Date("2026-03-10T23:59:00Z");
    const { bars, permyriad } = uptimeBars(
      [
        { day: "2026-03-10", checks: 20_000, up: 19_999, maintenance: 0 },
        { day: "2025-12-11", checks: 4, up: 4, maintenance: 0 },
        { day: "2025-12-10", checks: 4, up: 0, maintenance: 0 },
      ],
      now,
    );
    assert.equal(bars.length, 90);
    assert.deepEqual(bars[0], { day: "2025-12-11", permyriad: 10_000, maintenanceMinutes: 0 });
    assert.deepEqual(bars[89], { day: "2026-03-10", permyriad: 9_999, maintenanceMinutes: 0 });
    assert.equal(bars[1]?.permyriad, null);
    assert.equal(permyriad, 9_999, "the day before the 90 is not counted");
    assert.equal(uptimeBars([], now).permyriad, null);
  });

  it("probe fields: targets per kind, defaults, every wrong field named", () => {
    assert.deepEqual(parseTcpTarget("[::1]:993"), { host: "::1", port: 993 });
    assert.equal(parseTcpTarget("imap.lyon.fr:0"), null);
    const http = validateProbeFields({
      kind: "http",
      target: "https://visio.lyon.fr/health",
      timeoutMs: 2000,
      intervalSeconds: 60,
    });
    assert.deepEqual([http.expectStatusMin, http.expectStatusMax, http.bodyContains], [200, 399, null]);
    assert.throws(
      () =>
        validateProbeFields({
          kind: "oidc",
          target: "https://idp.lyon.fr/",
          timeoutMs: 99,
          intervalSeconds: 9,
        }),
      (error: { issues: { path: string[] }[] }) =>
        error.issues.map((i) => i.path[0]).join() === "target,timeoutMs,intervalSeconds",
    );
    assert.throws(() =>
      validateProbeFields({ kind: "tcp", target: "https://x", timeoutMs: 1000, intervalSeconds: 60 }),
    );
  });

  it("incidents: impact fits the kind, dates with offset, end after start", () => {
    const draft = {
      kind: "incident",
      title: "Panne",
      impact: "down",
      status: "investigating",
      startsAt: "2026-03-10T10:00:00+01:00",
      endsAt: null,
      clientIds: ["visio", "visio"],
      memberIds: [],
      message: "On cherche.",
    };
    assert.deepEqual(validateIncident(draft).clientIds, ["visio"]);
    assert.throws(
      () => validateIncident({ ...draft, endsAt: "2026-03-10T09:00:00+01:00", impact: "maintenance" }),
      (error: { issues: { path: string[] }[] }) =>
        error.issues.map((i) => i.path[0]).join() === "impact,endsAt",
    );
    assert.throws(() => validateIncident({ ...draft, startsAt: "2026-03-10T10:00:00" }), /./);
  });

  it("an incident starting before 2000 (1970-01-01, a clock's zero) is refused at startsAt", () => {
    const draft = {
      kind: "incident",
      title: "Visio coupée",
      impact: "down",
      status: "investigating",
      startsAt: "1970-01-01T00:00:00Z",
      endsAt: null,
      clientIds: ["visio"],
      memberIds: [],
      message: "On cherche.",
    };
    assert.throws(
      () => validateIncident(draft),
      (error: { issues: { path: string[] }[] }) => error.issues.map((i) => i.path[0]).join() === "startsAt",
    );
    assert.equal(
      validateIncident({ ...draft, startsAt: "2000-01-01T00:00:00Z" }).startsAt.getUTCFullYear(),
      2000,
    );
  });
});
