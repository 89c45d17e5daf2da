import type { AccountStore, Clock, ConsoleStore, EntenteStore, PasswordHasher } from "../ports.ts";

/** What the console's use cases need; built once in src/main.ts. */
export interface ConsoleDeps {
  readonly ententes: EntenteStore;
  readonly console: ConsoleStore;
  readonly accounts: AccountStore;
  readonly hasher: PasswordHasher;
  readonly clock: Clock;
}
