import type { Entente } from "./entente.ts";

/**
 * The entente as the figures of `year` see it: only the exercise `year` and the exercises called
 * in `year` (its recalls), and the key periods that start by `year`. The figures of a year depend on nothing else, so a later draft out of
 * balance (exercise N+1 being prepared) neither hides nor blocks the figures of N: the report,
 * the dashboard and the approval of N check only what N's figures are made of.
 * @example ententeForYear(lyon, 2023).exercises.map((e) => e.year) // [2022, 2023]
 */
export function ententeForYear(entente: Entente, year: number): Entente {
  return {
    ...entente,
    // Key periods that start after the year do not shape it.
    keys: entente.keys.map((k) =>
      k.periods === undefined ? k : { ...k, periods: k.periods.filter((p) => p.from <= year) },
    ),
    exercises: entente.exercises.filter((e) => e.year === year || e.calledIn === year),
  };
}
