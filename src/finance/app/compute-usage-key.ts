import { assertCan, type Principal } from "../../access/index.ts";
import type { Section } from "../domain/entente.ts";
import type { UsageFigures } from "../domain/usage-figures.ts";
import { type UsageShare, usageKeyPeriod, usageKeyTarget } from "../domain/usage-key.ts";
import { EntenteError, localized } from "../errors.ts";
import { actorOf } from "./actor-of.ts";
import { assertFiguresOpen } from "./assert-figures-open.ts";
import type { FinanceDeps } from "./finance-deps.ts";
import { requireExercise } from "./require-exercise.ts";

/** What the secretariat asks: mission, section, exercise, service and metric; `freeze` to store it. */
export interface UsageKeyRequest {
  readonly missionId: string;
  readonly section: Section;
  readonly year: number;
  readonly service: string;
  /** `"seats"` or a reported metric (`storage_used`…). */
  readonly metric: string;
  /** Store the figures as the key's period from `year` (else only shown). */
  readonly freeze: boolean;
}

/** The usage key computed: the key it is (or would be) a period of, its figures and each member's exact share. */
export interface UsageKeyResult {
  readonly keyId: string;
  readonly year: number;
  readonly figures: UsageFigures;
  readonly source: string;
  readonly shares: readonly UsageShare[];
  readonly frozen: boolean;
}

/**
 * A usage key (issue 11 §2) for a mission from exercise `year`: the seats or measured usage of one
 * workplace service per participating member over the year (1 January – 31 December, reports up
 * to now), read through the `UsageSource` port, turned into exact shares. With `freeze` the
 * figures are stored whole as the period of the mission's key from `year` (until its next
 * period): from then on the year is computed from the stored figures, never from the workplace
 * again, and once the year is approved or adopted (`budget.figures_frozen`) they cannot be replaced.
 * Reading needs `read-drafts`, freezing `edit-key`.
 * @throws EntenteError `access.forbidden`, `entente.unknown_reference` (mission, service),
 *   `resource.not_found` (exercise), `key.usage_key_shared`, `key.empty`, `budget.figures_frozen`.
 */
export async function computeUsageKey(
  deps: Pick<FinanceDeps, "ententes" | "budgets" | "keys" | "clock" | "usage">,
  principal: Principal,
  ententeId: string,
  request: UsageKeyRequest,
): Promise<UsageKeyResult> {
  assertCan(principal, request.freeze ? { kind: "edit-key", ententeId } : { kind: "read-drafts", ententeId });
  const entente = await deps.ententes.loadEntente(ententeId);
  requireExercise(entente.exercises.find((e) => e.year === request.year) ?? null, request.year);
  const target = usageKeyTarget(entente, request.missionId, request.section, request.year);
  const answer = await deps.usage.figures({
    ententeId,
    service: request.service,
    metric: request.metric,
    periodStart: `${request.year}-01-01`,
    periodEnd: `${request.year}-12-31`,
    members: target.members,
    snapshotAt: deps.clock.now(),
  });
  if ("unknownService" in answer)
    throw new EntenteError("entente.unknown_reference", {
      what: localized("service du catalogue", "catalogue service"),
      id: request.service,
      known: answer.unknownService.join(", ") || "—",
    });
  const memberOrder = entente.members.map((m) => m.id);
  const { period, shares } = usageKeyPeriod(target.keyId, request.year, answer, memberOrder);
  if (request.freeze) {
    await assertFiguresOpen(deps, ententeId, target.altered);
    await deps.keys.setPeriod(ententeId, target.keyId, period, actorOf(principal));
  }
  return {
    keyId: target.keyId,
    year: request.year,
    figures: answer,
    source: period.source ?? "",
    shares,
    frozen: request.freeze,
  };
}
