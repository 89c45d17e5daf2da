import type { Cents } from "../../shared/money.ts";
import type { Section } from "./entente.ts";

/** A fresh, mutable pair of zero amounts (cents), one per section, for sums being built. */
export function zeroBySection(): Record<Section, Cents> {
  return { investissement: 0n, fonctionnement: 0n };
}
