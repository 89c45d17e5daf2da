import { isCoveredAt, type MaintenanceWindow, maintenanceWindows } from "../domain/maintenance-window.ts";
import type { Probe } from "../domain/probe.ts";
import {
  firstKeptDay,
  type ProbeResult,
  type ProbeState,
  probeResult,
  UPTIME_DAYS,
} from "../domain/service-status.ts";
import type { Prober, StatusDeps } from "./status-ports.ts";

/** The result of one probe run. */
export interface ProbeRun {
  readonly clientId: string;
  readonly ententeId: string;
  /** What this probe found (`maintenance`: a failure inside a maintenance window). */
  readonly state: ProbeResult;
  /** The state shown after it, damped (domain/flap-damping.ts); null: not decided yet. */
  readonly shown: ProbeState | null;
  readonly detail: string | null;
}

type RunDeps = Pick<StatusDeps, "probes" | "incidents" | "clock">;

/** The maintenance windows of each entente of `probes`, read once per pass. */
async function windowsOf(deps: RunDeps, probes: readonly Probe[], now: Date) {
  const windows = new Map<string, MaintenanceWindow[]>();
  for (const ententeId of new Set(probes.map((p) => p.ententeId))) {
    windows.set(ententeId, maintenanceWindows(await deps.incidents.list(ententeId, now)));
  }
  return windows;
}

/**
 * Runs `probes` concurrently (each bounded by its own timeout and by `signal`) and records each
 * outcome (day counters, raw result, damped state, change, next due time) at the time it ends; a
 * probe that ends inside a maintenance window covering its service counts as maintenance, not
 * against uptime; a probe cut short by `signal` records nothing.
 */
export async function runProbes(
  deps: RunDeps,
  prober: Prober,
  probes: readonly Probe[],
  signal: AbortSignal,
): Promise<ProbeRun[]> {
  const windows = await windowsOf(deps, probes, deps.clock.now());
  const runs = await Promise.all(
    probes.map(async (probe): Promise<ProbeRun | null> => {
      const outcome = await prober(probe, signal);
      // Stopped (the server closes): the probe was cut short, it found nothing about the service.
      if (signal.aborted) return null;
      const at = deps.clock.now();
      const inMaintenance = isCoveredAt(windows.get(probe.ententeId) ?? [], probe.clientId, at);
      const state = probeResult(outcome, probe.timeoutMs, inMaintenance);
      const shown = await deps.probes.record(probe, state, outcome, at, inMaintenance);
      return { clientId: probe.clientId, ententeId: probe.ententeId, state, shown, detail: outcome.detail };
    }),
  );
  return runs.filter((run) => run !== null);
}

/** Most probes run in one pass (the others wait for the next one). */
export const PASS_LIMIT = 50;

/**
 * One pass of the scheduler: the due probes of every entente, then the pruning of what is older
 * than 90 days. The caller holds the lease.
 */
export async function runDueProbes(deps: RunDeps, prober: Prober, signal: AbortSignal): Promise<ProbeRun[]> {
  const now = deps.clock.now();
  const runs = await runProbes(deps, prober, await deps.probes.listDue(now, PASS_LIMIT), signal);
  await deps.probes.prune(firstKeptDay(now), new Date(now.getTime() - UPTIME_DAYS * 86_400_000));
  return runs;
}

/** Every probe of an entente, now, due or not (the CLI's `status probe-once`, the tests). */
export async function probeEntenteOnce(
  deps: RunDeps,
  prober: Prober,
  ententeId: string,
  signal: AbortSignal = new AbortController().signal,
): Promise<ProbeRun[]> {
  return runProbes(deps, prober, await deps.probes.listForEntente(ententeId), signal);
}
