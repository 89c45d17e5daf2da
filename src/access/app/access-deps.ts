import type { Clock } from "../../shared/clock.ts";
import type { AccountStore, PasswordHasher } from "./ports.ts";
import type { LoginThrottle } from "./sign-in-throttle.ts";

/** What the console-access use cases need; built once by `composeAccess`. */
export interface AccessDeps {
  readonly accounts: AccountStore;
  readonly hasher: PasswordHasher;
  readonly clock: Clock;
  /** The server's one sign-in throttle (shared with the identity federation's password sources). */
  readonly throttle: LoginThrottle;
}
