import type { FieldProblem, Problem } from "./problem.ts";

/**
 * A failed API call: the server's problem details, or one made up by the client for a network
 * failure (`client.network`) or an answer that does not match the contract
 * (`client.invalid_response`). `fields` lists the per-field messages to show next to inputs.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem, options?: { cause?: unknown }) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`, options);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
  }

  get code(): string | undefined {
    return this.problem.code;
  }

  get fields(): FieldProblem[] {
    return (this.problem.errors ?? []).map((e) => ({ field: e.field ?? "", message: e.message }));
  }
}

/** Narrows an unknown rejection to an ApiError, wrapping anything else (a bug) with its cause. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, { code: "client.unexpected", detail: String(error) }, { cause: error });
}
