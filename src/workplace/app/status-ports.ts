import type { Actor } from "../../shared/actor.ts";
import type { Incident, IncidentFields, IncidentUpdate } from "../domain/incident.ts";
import type { Probe, ProbeFields } from "../domain/probe.ts";
import type { ProbeOutcome, ProbeResult, ProbeState, UptimeDay } from "../domain/service-status.ts";

/** The probe's finding of a service: the damped state (domain/flap-damping.ts) and the last raw result. */
export interface ProbeStateRecord {
  readonly clientId: string;
  /** The damped state; null: not decided yet (unknown). */
  readonly state: ProbeState | null;
  /** Since when the damped state holds (the first probe's time while undecided). */
  readonly since: Date;
  readonly checkedAt: Date;
  /** The last probe's raw result and its reason. */
  readonly result: ProbeResult;
  readonly detail: string | null;
}

/**
 * What the status page watches besides the catalogue: `hub`, the identity federation itself
 * (id `hub:<entente id>`; its probe's `clientId` is that id).
 */
export interface StatusComponent {
  readonly id: string;
  readonly ententeId: string;
  readonly kind: "hub";
}

/** A change of a probe's state. */
export interface ProbeChange {
  readonly clientId: string;
  readonly at: Date;
  readonly from: ProbeState | null;
  readonly to: ProbeState;
  readonly detail: string | null;
}

/** Probes, their results aggregated per day, their states and state changes. */
export interface ProbeStore {
  find(ententeId: string, clientId: string): Promise<Probe | null>;
  listForEntente(ententeId: string): Promise<Probe[]>;
  /** Creates or replaces the probe; it is due at once. */
  put(ententeId: string, clientId: string, fields: ProbeFields, now: Date, actor: Actor): Promise<Probe>;
  /** @returns whether there was one. */
  remove(ententeId: string, clientId: string, actor: Actor): Promise<boolean>;
  /** Probes of every entente due at `now` (of enabled services), the most overdue first, at most `limit`. */
  listDue(now: Date, limit: number): Promise<Probe[]>;
  /**
   * Records one outcome in one transaction: the day's counters (in `maintenance` when
   * `inMaintenance`), the raw result, the damped state (`dampState`, with a change when it
   * differs), and the probe's next due time.
   * @returns the damped state after it (null: undecided; also when the probe was removed meanwhile).
   */
  record(
    probe: Probe,
    result: ProbeResult,
    outcome: ProbeOutcome,
    at: Date,
    inMaintenance: boolean,
  ): Promise<ProbeState | null>;
  states(ententeId: string): Promise<ProbeStateRecord[]>;
  uptimeDays(ententeId: string, fromDay: string): Promise<Map<string, UptimeDay[]>>;
  changes(ententeId: string, since: Date): Promise<ProbeChange[]>;
  /** Deletes days before `fromDay` and changes before `before` (every entente). */
  prune(fromDay: string, before: Date): Promise<void>;
  /** The entente's status components (the hub). */
  components(ententeId: string): Promise<StatusComponent[]>;
  /** Registers the hub as a status component of the entente (idempotent); returns its id. */
  putHubComponent(ententeId: string, actor: Actor): Promise<string>;
}

/** A lease held by one node at a time, taken over when it expired. */
export interface LeaseStore {
  /** Takes or renews `name` for `holder` until `until`, unless another holder's lease is still valid at `now`. */
  acquire(name: string, holder: string, now: Date, until: Date): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
}

/** Incidents and maintenance of an entente. */
export interface IncidentStore {
  /** Every incident whose end is null or after `since`, newest start first. */
  list(ententeId: string, since: Date): Promise<Incident[]>;
  find(ententeId: string, id: string): Promise<Incident | null>;
  create(
    ententeId: string,
    fields: IncidentFields,
    first: IncidentUpdate,
    now: Date,
    actor: Actor,
  ): Promise<Incident>;
  /**
   * Adds an update (its status becomes the incident's; `endsAt` set when given).
   * @throws `conflict.stale_version`, `workplace.not_found`.
   */
  addUpdate(
    ententeId: string,
    id: string,
    update: IncidentUpdate,
    endsAt: Date | null | undefined,
    expectedVersion: number,
    actor: Actor,
  ): Promise<Incident>;
}

/** Runs one probe against its registered target. Never throws: a failure is an outcome. */
export type Prober = (probe: Probe, signal: AbortSignal) => Promise<ProbeOutcome>;

/** What service status needs. */
export interface StatusDeps {
  readonly probes: ProbeStore;
  readonly leases: LeaseStore;
  readonly incidents: IncidentStore;
  /** An entente's name (the public page's title); null: no such entente. */
  readonly ententes: { name(ententeId: string): Promise<string | null> };
  readonly clock: { now(): Date };
}
