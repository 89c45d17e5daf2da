import type { Cents } from "../../shared/money.ts";
import type { ReferenceChecks } from "./reference-checks.ts";

/** What the checks of one exercise share: the references, the keys' members, the rounding unit. */
export interface ExerciseChecks extends ReferenceChecks {
  readonly keyMembers: ReadonlyMap<string, ReadonlySet<string>>;
  /** The rounding unit in cents (100 for euros, 1 for cents). */
  readonly unit: Cents;
  /** The unit as messages name it (`euro`, `centime`). */
  readonly unitName: string;
}
