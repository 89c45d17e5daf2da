import { z } from "zod";
import { IdParam } from "../shared/contract-primitives.ts";

/** Zod schemas of the provisioning API (shared with web/). */

/** A member's SCIM token to issue or rotate, bound to one of the member's identity sources. */
export const ScimTokenRequest = z.object({
  memberId: IdParam,
  sourceId: z
    .string()
    .min(1)
    .max(200)
    .describe("the member's identity source whose persons the pushed Users are"),
});

/** The token, shown once, and the endpoint to give the member's directory (Entra ID "Tenant URL"). */
export const ScimTokenIssued = z.object({
  endpoint: z.string(),
  token: z.string(),
});
