// The door of the console-access context (accounts, sessions, roles): what other contexts and
// the composition may use. Nothing else of src/access is imported from outside it.

export type { EntenteReferences } from "./app/create-account.ts";
export { createDemoAccounts, type DemoAccount, type DemoEntente } from "./app/create-demo-accounts.ts";
export type { AccountRecord, AccountStore, LoginFailureStore, PasswordHasher } from "./app/ports.ts";
export { principalOf } from "./app/principal-of.ts";
export { createLoginThrottle, type LoginThrottle, type ThrottleSubject } from "./app/sign-in-throttle.ts";
export { type AccessCliDeps, registerAccessCommands } from "./cli/commands.ts";
export {
  type AccessOptions,
  type ComposedAccess,
  composeAccess,
  composeAccessCli,
} from "./compose.ts";
export { createArgon2PasswordHasher } from "./crypto/argon2-password-hasher.ts";
export { createLoginFailureStore } from "./db/login-failure-store.ts";
export type { Principal, Role } from "./domain/access-policy.ts";
export { assertCan, canPerform } from "./domain/access-policy.ts";
export { requirePrincipal } from "./http/web-session.ts";
