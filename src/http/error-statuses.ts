import type { ErrorCode } from "../domain/errors.ts";

/** The statuses an Entente error may answer with. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

/**
 * The HTTP status of every error code of the catalog (src/domain/errors.ts), in one table: a
 * code added to the catalog without a status here does not compile.
 *
 * 422: the request is well-formed but what it asks breaks a rule (a submitted entente that does
 * not balance). 404: the thing named does not exist. 409: the state of the data forbids it now.
 * 5xx: a fault of the server; the answer then shows the code but none of the details.
 */
export const errorStatuses = {
  "file.not_found": 404,
  "file.unreadable": 422,
  "file.not_utf8": 422,
  "file.invalid_yaml": 422,
  "file.invalid_field": 422,
  "file.unknown_field": 422,
  "entente.duplicate_id": 422,
  "entente.unknown_reference": 422,
  "amount.not_a_number": 422,
  "amount.negative": 422,
  "amount.too_many_decimals": 422,
  "amount.too_large": 422,
  "key.shares_not_100": 422,
  "key.too_many_decimals": 422,
  "key.empty": 422,
  "key.criteria_members_differ": 422,
  "mission.key_member_not_participant": 422,
  "budget.unbalanced": 422,
  "budget.key_group_unbalanced": 422,
  "advance.member_not_in_key": 422,
  "adjustment.not_zero_sum": 422,
  "rounding.not_whole_unit": 422,
  "exercise.called_before_year": 422,
  "exercise.not_found": 404,
  "db.migration_failed": 500,
  "db.unavailable": 503,
  "entente.not_found": 404,
  "entente.already_exists": 409,
  "conflict.stale_version": 409,
  "access.forbidden": 403,
  "auth.required": 401,
  "auth.invalid_credentials": 401,
  "auth.locked": 429,
  "auth.csrf": 403,
  "auth.rate_limited": 429,
  "budget.not_editable": 409,
  "budget.draft_hidden": 403,
  "budget.figures_frozen": 409,
  "ratification.closed": 409,
  "ratification.incomplete": 422,
  "payment.exceeds_due": 422,
  "budget.amend_not_adopted": 409,
  "fund_call.budget_not_adopted": 409,
  "fund_call.already_issued": 409,
  "resource.not_found": 404,
  "cli.bad_option": 400,
  "output.write_failed": 500,
  "config.invalid": 500,
} as const satisfies Record<ErrorCode, ErrorStatus>;
