import type { Entente } from "./entente.ts";

/** Years a report can be made for: every exercise, and every year an exercise is called in. */
export function reportYears(entente: Entente): number[] {
  return [...new Set(entente.exercises.flatMap((e) => [e.year, e.calledIn]))].sort((a, b) => a - b);
}
