import type { z } from "zod";
import type {
  Account as AccountSchema,
  Role as RoleSchema,
  SessionResponse as SessionResponseSchema,
} from "../../../../src/access/contracts.ts";

/** The signed-in account as GET /api/session describes it: name, role, and the ids its role is bound to. */
export type Account = z.infer<typeof AccountSchema>;
/** A console role: secretariat, finance, mission-lead or reader (src/access/contracts.ts). */
export type Role = z.infer<typeof RoleSchema>;
/** The session: its account and the CSRF token every write must send. */
export type SessionResponse = z.infer<typeof SessionResponseSchema>;
