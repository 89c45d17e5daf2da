import type { Clock } from "../../shared/clock.ts";
import type { AccountStore, PasswordHasher } from "./ports.ts";

/** What the console-access use cases need; built once by `composeAccess`. */
export interface AccessDeps {
  readonly accounts: AccountStore;
  readonly hasher: PasswordHasher;
  readonly clock: Clock;
}
