/**
 * The door of the console's access feature (src/access on the server): the session and its API
 * client, sign-in, the signed-in frame, and what each role may do. The app and the other
 * features import access through this file only.
 */

export { accessEn } from "./access-en.ts";
export { accessFr } from "./access-fr.ts";
export type { Account, Role } from "./account.ts";
export { SignedInLayout } from "./layout/signed-in-layout.tsx";
export {
  canCancelPayment,
  canCreateDecision,
  canEditBudget,
  canEditKeys,
  canEditMember,
  canEditMission,
  canEditPlan,
  canIssueFundCalls,
  canManageIdentity,
  canReadAudit,
  canReadIdentity,
  canRecordPayment,
  canRecordRatification,
} from "./permissions.ts";
export { RequireSession } from "./session/require-session.tsx";
export { SessionProvider, useAccount, useSessionContext } from "./session/session-context.tsx";
export { useUnsavedChanges } from "./session/use-unsaved-changes.ts";
export { SignInPage } from "./sign-in/sign-in-page.tsx";
