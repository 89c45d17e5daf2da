import { z } from "zod";
import { IdParam } from "../../../shared/contract-primitives.ts";

/** Where the administration of an entente's identity federation lives. */
export const BASE = "/api/ententes/:id/identity";
/** The entente of the path. */
export const EntenteParams = z.object({ id: IdParam });
/** `?memberId=`: one member's data (a finance officer gets its own member's anyway). */
export const MemberFilter = z.object({ memberId: IdParam.optional() });
/** The OpenAPI tag of every route of the administration. */
export const tags = ["identity federation"];
