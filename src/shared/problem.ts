import { z } from "zod";

/**
 * The body of every error answer of the HTTP API: RFC 9457 problem details
 * (`application/problem+json`), plus Entente's error `code` and, per field or rule, `errors`.
 * Codes are those of docs/errors.md; messages are in the language of `Accept-Language`
 * (French unless English is preferred).
 */
export const ProblemFieldError = z.object({
  code: z.string().meta({ description: "Error code `area.reason` (docs/errors.md)." }),
  field: z.string().meta({
    description:
      "Where: `body.members.0.name`, `query.year`, `params.id`, or the path in the submitted entente.",
  }),
  message: z.string().meta({ description: "What is wrong and what to do." }),
});

export const Problem = z
  .object({
    type: z.string().meta({ description: "Identifies the kind of problem: `urn:entente:error:<code>`." }),
    title: z.string().meta({ description: "Short summary of the kind of problem (the HTTP status)." }),
    status: z.number().int().min(400).max(599),
    detail: z.string().meta({ description: "What went wrong in this request and what to do." }),
    instance: z.string().meta({ description: "The request path this problem answers." }),
    code: z.string().meta({ description: "Error code `area.reason` that support staff can quote." }),
    errors: z.array(ProblemFieldError),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details (application/problem+json)." });

export type Problem = z.infer<typeof Problem>;
export type ProblemFieldError = z.infer<typeof ProblemFieldError>;
