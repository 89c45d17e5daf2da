import { z } from "zod";
import { EmailAddress } from "../shared/identifiers.ts";

/** zod schemas of the console-access API (sign-in, the current session), shared with web/. */

export const Role = z.enum(["secretariat", "finance", "mission-lead", "reader"]).meta({
  description:
    "secretariat: all; finance: reads all, edits and sees drafts of its member only; mission-lead: its mission's plan; reader: read-only.",
});
export const SignInRequest = z.object({ email: EmailAddress, password: z.string().min(1).max(1000) });
export const Account = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: Role,
  ententeId: z.string().nullable(),
  memberId: z.string().nullable(),
  missionId: z.string().nullable(),
});
export const SessionResponse = z.object({ account: Account, csrfToken: z.string() });
