import type { Probe } from "../domain/probe.ts";
import { firstKeptDay, type ProbeState, probeState, UPTIME_DAYS } from "../domain/service-status.ts";
import type { Prober, StatusDeps } from "./status-ports.ts";

/** The result of one probe run. */
export interface ProbeRun {
  readonly clientId: string;
  readonly ententeId: string;
  readonly state: ProbeState;
  readonly detail: string | null;
}

/**
 * Runs `probes` concurrently (each bounded by its own timeout and by `signal`) and records each
 * outcome (day counters, state, change, next due time) at the time it ends; a probe cut short by
 * `signal` records nothing.
 */
export async function runProbes(
  deps: Pick<StatusDeps, "probes" | "clock">,
  prober: Prober,
  probes: readonly Probe[],
  signal: AbortSignal,
): Promise<ProbeRun[]> {
  const runs = await Promise.all(
    probes.map(async (probe): Promise<ProbeRun | null> => {
      const outcome = await prober(probe, signal);
      // Stopped (the server closes): the probe was cut short, it found nothing about the service.
      if (signal.aborted) return null;
      const state = probeState(outcome, probe.timeoutMs);
      await deps.probes.record(probe, state, outcome, deps.clock.now());
      return { clientId: probe.clientId, ententeId: probe.ententeId, state, detail: outcome.detail };
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
export async function runDueProbes(
  deps: Pick<StatusDeps, "probes" | "clock">,
  prober: Prober,
  signal: AbortSignal,
): Promise<ProbeRun[]> {
  const now = deps.clock.now();
  const runs = await runProbes(deps, prober, await deps.probes.listDue(now, PASS_LIMIT), signal);
  await deps.probes.prune(firstKeptDay(now), new Date(now.getTime() - UPTIME_DAYS * 86_400_000));
  return runs;
}

/** Every probe of an entente, now, due or not (the CLI's `status probe-once`, the tests). */
export async function probeEntenteOnce(
  deps: Pick<StatusDeps, "probes" | "clock">,
  prober: Prober,
  ententeId: string,
  signal: AbortSignal = new AbortController().signal,
): Promise<ProbeRun[]> {
  return runProbes(deps, prober, await deps.probes.listForEntente(ententeId), signal);
}
