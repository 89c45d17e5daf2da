import type { Clock } from "../../shared/clock.ts";
import type { ConsoleStore, EntenteStore } from "./ports.ts";

/** What the finance use cases need; built once by `composeFinance`. */
export interface ConsoleDeps {
  readonly ententes: EntenteStore;
  readonly console: ConsoleStore;
  readonly clock: Clock;
}
