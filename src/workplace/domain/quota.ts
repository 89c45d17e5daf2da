import { type Localized, localized } from "../../shared/errors.ts";
/**
 * Quotas of a subscription (issue 11 §2): non-negative integers with units. Storage is stored in
 * bytes; decimal (kB, MB, GB, TB: powers of 1000) and binary (KiB, MiB, GiB, TiB: powers of 1024)
 * units follow IEC 80000-13. Exact: bigint arithmetic, no float anywhere.
 */

/** Units of storage and their size in bytes. */
export const STORAGE_UNITS: Readonly<Record<string, bigint>> = {
  B: 1n,
  kB: 1000n,
  MB: 1000n ** 2n,
  GB: 1000n ** 3n,
  TB: 1000n ** 4n,
  KiB: 1024n,
  MiB: 1024n ** 2n,
  GiB: 1024n ** 3n,
  TiB: 1024n ** 4n,
};

/** A quantity as written: an integer and its unit (`{ value: 10, unit: "GiB" }`). */
export interface Quantity {
  readonly value: number;
  readonly unit: string;
}

/** Largest number of bytes accepted: JSON readers (Deploy Center's clients) read numbers as doubles. */
export const MAX_STORAGE_BYTES = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Bytes of a storage quantity, or a reason it is refused: the value must be a non-negative
 * integer, the unit one of `STORAGE_UNITS` (case-sensitive: `Mb` would be megabits), the result at
 * most `MAX_STORAGE_BYTES`.
 * @example storageBytes({ value: 10, unit: "GiB" }) // { bytes: 10737418240n }
 */
export function storageBytes(quantity: Quantity): { bytes: bigint } | { problem: Localized } {
  if (!Number.isSafeInteger(quantity.value) || quantity.value < 0) {
    return {
      problem: localized(
        "un entier positif ou nul (pas de décimales : prenez une unité plus petite)",
        "a non-negative integer (no decimals: use a smaller unit)",
      ),
    };
  }
  const size = STORAGE_UNITS[quantity.unit];
  const units = Object.keys(STORAGE_UNITS).join(", ");
  if (size === undefined) return { problem: localized(`une unité parmi ${units}`, `a unit among ${units}`) };
  const bytes = BigInt(quantity.value) * size;
  if (bytes > MAX_STORAGE_BYTES)
    return {
      problem: localized(`au plus ${MAX_STORAGE_BYTES} octets`, `at most ${MAX_STORAGE_BYTES} bytes`),
    };
  return { bytes };
}

/** Seats: a number of accounts, a non-negative integer (unit `accounts`). */
export function isSeatCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0 && value <= 2_147_483_647;
}

/** Units tried to write a number of bytes back, largest first. */
const UNITS_BACK = ["TiB", "TB", "GiB", "GB", "MiB", "MB", "KiB", "kB", "B"] as const;

/**
 * A number of bytes as a quantity a subscription can be written with (storageBytes gives the
 * same bytes back): the largest unit that divides it exactly (10 GiB stays `{ 10, "GiB" }`,
 * 1.5 × 10^12 bytes is `{ 1500, "GB" }`); 0 is `{ 0, "B" }`. Exact: bigint.
 * @example storageQuantity(10737418240n) // { value: 10, unit: "GiB" }
 */
export function storageQuantity(bytes: bigint): Quantity {
  const unit = UNITS_BACK.find((u) => bytes !== 0n && bytes % (STORAGE_UNITS[u] ?? 1n) === 0n) ?? "B";
  return { value: Number(bytes / (STORAGE_UNITS[unit] ?? 1n)), unit };
}
