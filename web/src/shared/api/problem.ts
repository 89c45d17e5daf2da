import type { z } from "zod";
import { Problem as ProblemSchema } from "../../../../src/shared/problem.ts";

/**
 * The problem details of an error answer (application/problem+json, src/shared/problem.ts),
 * read leniently: an error from a proxy or a half-deployed server may lack fields, and the
 * console must still show what it can.
 */
export const LenientProblem = ProblemSchema.partial();
/** The problem details of an error answer, every field optional (see {@link LenientProblem}). */
export type Problem = z.infer<typeof LenientProblem>;

/** One message attached to a field of a form ("body.shares.1.value"), or to the whole form when field is "". */
export type FieldProblem = { field: string; message: string };

/** The code of a write made from an outdated rowVersion (optimistic concurrency, HTTP 409). */
export const STALE_VERSION = "conflict.stale_version";
