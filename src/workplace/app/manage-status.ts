import { assertCan, type Principal } from "../../access/index.ts";
import type { Actor } from "../../shared/actor.ts";
import { type Incident, type IncidentDraft, validateIncident } from "../domain/incident.ts";
import { type Probe, type ProbeDraft, validateProbeFields } from "../domain/probe.ts";
import { EntenteError, ValidationError } from "../errors.ts";
import type { StatusViewDeps } from "./service-status.ts";
import type { ProbeChange } from "./status-ports.ts";

/**
 * Service status's use cases for the console (issue 11 §6). Reading is for every console role
 * of the entente; registering probes and writing incidents is the secretariat's
 * (`manage-identity`, the permission that manages the catalogue). Every id is looked up within
 * the entente of the route, so another entente's service, member or incident is not found.
 */

// As finance (src/finance/app/actor-of.ts): the audit trail names people by their email.
const actorOf = (principal: Principal): Actor => ({ id: principal.email, label: principal.email });

async function requireEntry(deps: StatusViewDeps, ententeId: string, clientId: string): Promise<void> {
  if ((await deps.catalogue.find(ententeId, clientId)) === null) {
    throw new EntenteError("workplace.not_found", { what: "service", id: clientId });
  }
}

/** The probes of the entente. */
export async function listProbes(
  deps: StatusViewDeps,
  principal: Principal,
  ententeId: string,
): Promise<Probe[]> {
  assertCan(principal, { kind: "read", ententeId });
  return deps.probes.listForEntente(ententeId);
}

/** The changes of the probes' states over the last 90 days (at most 500), newest first. */
export async function listProbeChanges(
  deps: StatusViewDeps,
  principal: Principal,
  ententeId: string,
): Promise<ProbeChange[]> {
  assertCan(principal, { kind: "read", ententeId });
  return deps.probes.changes(ententeId, new Date(deps.clock.now().getTime() - 90 * 86_400_000));
}

/**
 * Registers (or replaces) the probe of a catalogued service; it runs at the next pass.
 * @throws `workplace.not_found`, ValidationError (`workplace.probe_invalid`).
 */
export async function putProbe(
  deps: StatusViewDeps,
  principal: Principal,
  ententeId: string,
  clientId: string,
  draft: ProbeDraft,
): Promise<Probe> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  await requireEntry(deps, ententeId, clientId);
  const fields = validateProbeFields(draft);
  return deps.probes.put(ententeId, clientId, fields, deps.clock.now(), actorOf(principal));
}

/** Removes the probe (the service shows `unknown`). @throws `workplace.not_found`. */
export async function removeProbe(
  deps: StatusViewDeps,
  principal: Principal,
  ententeId: string,
  clientId: string,
): Promise<void> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  if (!(await deps.probes.remove(ententeId, clientId, actorOf(principal)))) {
    throw new EntenteError("workplace.not_found", { what: "probe", id: clientId });
  }
}

/** Incidents and maintenance not ended 90 days ago, newest first. */
export async function listIncidents(
  deps: StatusViewDeps,
  principal: Principal,
  ententeId: string,
): Promise<Incident[]> {
  assertCan(principal, { kind: "read", ententeId });
  return deps.incidents.list(ententeId, new Date(deps.clock.now().getTime() - 90 * 86_400_000));
}

/**
 * Opens an incident or plans a maintenance, with its first update (`message`).
 * @throws ValidationError (`workplace.incident_invalid`, also for a service or member not of this entente).
 */
export async function openIncident(
  deps: StatusViewDeps,
  principal: Principal,
  ententeId: string,
  draft: IncidentDraft,
): Promise<Incident> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  const { message, ...fields } = validateIncident(draft);
  const issues = [];
  for (const [i, id] of fields.clientIds.entries()) {
    if ((await deps.catalogue.find(ententeId, id)) === null) {
      issues.push({
        code: "workplace.incident_invalid" as const,
        path: ["clientIds", i],
        details: { field: `clientIds[${i}]`, expected: `a service of the catalogue (${id} is not)` },
      });
    }
  }
  for (const [i, id] of fields.memberIds.entries()) {
    if ((await deps.members.find(ententeId, id)) === null) {
      issues.push({
        code: "workplace.incident_invalid" as const,
        path: ["memberIds", i],
        details: { field: `memberIds[${i}]`, expected: `a member of the entente (${id} is not)` },
      });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
  const now = deps.clock.now();
  const actor = actorOf(principal);
  return deps.incidents.create(
    ententeId,
    fields,
    { at: now, status: fields.status, message, author: actor.label },
    now,
    actor,
  );
}

/**
 * Adds an update to the timeline; its status becomes the incident's; `endsAt` (ISO, or null to
 * clear; absent: unchanged) — a closing status without an end sets it to now.
 * @throws `workplace.not_found`, ValidationError, `conflict.stale_version`.
 */
export async function addIncidentUpdate(
  deps: StatusViewDeps,
  principal: Principal,
  ententeId: string,
  incidentId: string,
  draft: {
    readonly status: string;
    readonly message: string;
    readonly endsAt?: string | null | undefined;
    readonly rowVersion: number;
  },
): Promise<Incident> {
  assertCan(principal, { kind: "manage-identity", ententeId });
  const incident = await deps.incidents.find(ententeId, incidentId);
  if (incident === null) throw new EntenteError("workplace.not_found", { what: "incident", id: incidentId });
  const checked = validateIncident({
    ...incident,
    startsAt: incident.startsAt.toISOString(),
    status: draft.status,
    message: draft.message,
    endsAt: draft.endsAt === undefined ? (incident.endsAt?.toISOString() ?? null) : draft.endsAt,
  });
  const now = deps.clock.now();
  const closing = ["resolved", "completed"].includes(checked.status);
  const endsAt =
    draft.endsAt !== undefined
      ? checked.endsAt
      : closing && incident.endsAt === null
        ? new Date(Math.max(now.getTime(), incident.startsAt.getTime()))
        : undefined;
  const actor = actorOf(principal);
  return deps.incidents.addUpdate(
    ententeId,
    incidentId,
    { at: now, status: checked.status, message: checked.message, author: actor.label },
    endsAt,
    draft.rowVersion,
    actor,
  );
}
