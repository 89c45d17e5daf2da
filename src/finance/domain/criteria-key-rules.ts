import { parseScaledDecimal } from "../../shared/money.ts";
import { percentUnitsToText } from "../../shared/money-input.ts";
import { HUNDRED_PERCENT, percentSharesGap } from "../../shared/percent-shares.ts";
import { type Issue, localized, ValidationError } from "../errors.ts";
import type { KeyBasis } from "./entente.ts";
import { resolveKeyShares } from "./resolve-key-shares.ts";

/** Decimals of a criterion's weight (in percent) and of its values, as in the entente file. */
const CRITERIA_DECIMALS = 4;

/**
 * One criterion of a criteria key as the API takes it: its id, label and source (where its
 * figures come from and their year, e.g. « Populations légales INSEE 2022 »), its weight in
 * percent (decimal text, `50` or `33.3333`) and each member's value (decimal text ≥ 0: a
 * population, a number of agents, a budget in euros…).
 */
export interface CriterionInput {
  readonly id: string;
  readonly label: string | null;
  readonly source: string | null;
  readonly weight: string;
  readonly values: readonly { readonly memberId: string; readonly value: string }[];
}

type Path = (string | number)[];
type CriteriaBasis = Extract<KeyBasis, { kind: "criteria" }>;

/** Decimal text scaled by 10^4, or its problem appended to `issues` (then 0). */
function readScaled(text: string, path: Path, keyId: string, issues: Issue[]): bigint {
  const parsed = parseScaledDecimal(text, CRITERIA_DECIMALS);
  if (parsed.ok) return parsed.value;
  if (parsed.reason === "too_many_decimals")
    issues.push({ code: "key.too_many_decimals", path, details: { key: keyId, value: text, max: 4 } });
  else
    issues.push({
      code: "file.invalid_field",
      path,
      details: {
        field: String(path[path.length - 1]),
        expected: localized(
          `un nombre décimal ≥ 0 (point décimal, 4 décimales au plus), reçu « ${text} »`,
          `a decimal ≥ 0 (dot as decimal point, at most 4 decimals), got "${text}"`,
        ),
      },
    });
  return 0n;
}

/** `entente.duplicate_id` at `path` for `id`, first seen at `first`. */
function duplicate(id: string, what: [string, string], first: string, path: Path): Issue {
  return {
    code: "entente.duplicate_id",
    path,
    details: { id, what: localized(...what), first: localized(`en ${first}`, `at ${first}`) },
  };
}

/** The criteria weights sum to exactly 100 % (`key.criteria_weights_not_100`, with the sum). */
function checkWeightsSum(keyId: string, weights: readonly bigint[]): Issue[] {
  const gap = percentSharesGap(weights);
  if (gap === 0n) return [];
  const sum = percentUnitsToText(HUNDRED_PERCENT - gap);
  const difference = percentUnitsToText(-gap);
  return [
    {
      code: "key.criteria_weights_not_100",
      path: ["criteria"],
      details: {
        key: keyId,
        sum: localized(sum.replace(".", ","), sum),
        difference: localized(difference.replace(".", ","), difference),
      },
    },
  ];
}

/**
 * One criterion's values: each member once (`entente.duplicate_id`), a member of the period
 * (`entente.unknown_reference`), a decimal ≥ 0; then every member of the period given a value
 * (`key.criteria_value_missing`, naming the missing members).
 */
function readValues(
  keyId: string,
  criterion: CriterionInput,
  c: number,
  period: { readonly year: number; readonly members: readonly string[] },
  issues: Issue[],
): CriteriaBasis["criteria"][number]["values"] {
  const inPeriod = new Set(period.members);
  const seen = new Map<string, number>();
  const values = criterion.values.map((entry, i) => {
    const at: Path = ["criteria", c, "values", i];
    const first = seen.get(entry.memberId);
    if (first !== undefined)
      issues.push(
        duplicate(
          entry.memberId,
          [`membre du critère « ${criterion.id} »`, `member of criterion "${criterion.id}"`],
          `criteria[${c}].values[${first}]`,
          [...at, "memberId"],
        ),
      );
    else seen.set(entry.memberId, i);
    if (!inPeriod.has(entry.memberId))
      issues.push({
        code: "entente.unknown_reference",
        path: [...at, "memberId"],
        details: {
          what: localized(`membre de l'entente en ${period.year}`, `member of the entente in ${period.year}`),
          id: entry.memberId,
          known: period.members.join(", "),
        },
      });
    return { member: entry.memberId, value: readScaled(entry.value, [...at, "value"], keyId, issues) };
  });
  const missing = period.members.filter((m) => !seen.has(m));
  if (missing.length > 0)
    issues.push({
      code: "key.criteria_value_missing",
      path: ["criteria", c, "values"],
      details: { key: keyId, criterion: criterion.id, year: period.year, missing: missing.join(", ") },
    });
  return values;
}

/**
 * A criteria key's basis from the criteria typed (a key period): a weighted combination of
 * criteria — population 50 %, agents 30 %, budget 20 % — each normalised exactly over its total
 * (resolve-key-shares.ts: share_i = Σ_c w_c/100 × v_ci / Σ_j v_cj, no rounding; the euros are then
 * rounded by the largest remainder like every key). Checked, every problem at once:
 * - criterion ids unique (`entente.duplicate_id` at `criteria.<c>.id`);
 * - weights in percent with 4 decimals at most, summing to exactly 100 %
 *   (`key.criteria_weights_not_100` at `criteria`, with the sum and the gap);
 * - per criterion, each member once (`entente.duplicate_id`), a member of the period — those who
 *   belong in exercise `period.year` (`entente.unknown_reference`) — a value ≥ 0 with 4 decimals at
 *   most (`key.too_many_decimals`, `file.invalid_field`), and every member of the period given one
 *   (`key.criteria_value_missing`);
 * - every criterion's total above zero (`key.empty` at `criteria.<c>.values`).
 * Weights and values are held scaled by 10^4, as the entente file reads them.
 * @param period the first exercise of the period and its members, in the entente's member order.
 * @throws ValidationError with the problems, paths from the request's body.
 * @example parseCriteriaKey({ id: "socle", label: "" }, [
 *   { id: "population", label: null, source: "INSEE 2022", weight: "60", values: [{ memberId: "a", value: "3000" }, { memberId: "b", value: "1000" }] },
 *   { id: "agents", label: null, source: null, weight: "40", values: [{ memberId: "a", value: "10" }, { memberId: "b", value: "30" }] },
 * ], { year: 2025, members: ["a", "b"] }) // a: 0.6 × 3/4 + 0.4 × 1/4 = 55 %, b: 45 %
 */
export function parseCriteriaKey(
  key: { readonly id: string; readonly label: string },
  criteria: readonly CriterionInput[],
  period: { readonly year: number; readonly members: readonly string[] },
): CriteriaBasis {
  const issues: Issue[] = [];
  const ids = new Map<string, number>();
  const parsed = criteria.map((criterion, c) => {
    const first = ids.get(criterion.id);
    if (first !== undefined)
      issues.push(
        duplicate(criterion.id, ["critère", "criterion"], `criteria[${first}]`, ["criteria", c, "id"]),
      );
    else ids.set(criterion.id, c);
    return {
      id: criterion.id,
      ...(criterion.label === null ? {} : { label: criterion.label }),
      ...(criterion.source === null ? {} : { source: criterion.source }),
      weight: readScaled(criterion.weight, ["criteria", c, "weight"], key.id, issues),
      values: readValues(key.id, criterion, c, period, issues),
    };
  });
  if (!issues.some((issue) => issue.path[2] === "weight"))
    issues.push(
      ...checkWeightsSum(
        key.id,
        parsed.map((c) => c.weight),
      ),
    );
  const basis: CriteriaBasis = { kind: "criteria", criteria: parsed };
  if (issues.length === 0) {
    const result = resolveKeyShares({ id: key.id, label: key.label, basis }, period.members);
    if (!result.ok) issues.push(...result.issues);
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return basis;
}
