import type { AllocationKey, Entente } from "./entente.ts";

/**
 * The key as it holds in exercise `year`: the basis (and source) of its latest period starting
 * at or before `year`, else its own basis; without periods.
 * @example keyAt({ id: "socle", label: "", basis: b2023, periods: [{ from: 2025, basis: b2025 }] }, 2024).basis // b2023
 */
export function keyAt(key: AllocationKey, year: number): AllocationKey {
  const period = [...(key.periods ?? [])].filter((p) => p.from <= year).sort((a, b) => b.from - a.from)[0];
  const { periods: _periods, ...base } = key;
  if (period === undefined) return base;
  const { source: _source, ...withoutSource } = base;
  return {
    ...withoutSource,
    basis: period.basis,
    ...(period.source === undefined ? {} : { source: period.source }),
  };
}

/**
 * The entente as exercise `year` computes it: every key as it holds that year (keyAt). Each
 * exercise is settled with its own year's keys, so a change from 2025 leaves 2023 as adopted.
 */
export function ententeAtYear(entente: Entente, year: number): Entente {
  return { ...entente, keys: entente.keys.map((key) => keyAt(key, year)) };
}
