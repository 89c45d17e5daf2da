/**
 * Allocation benchmark: our largest-remainder split (src/domain/allocate-largest-remainder.ts)
 * against dinero.js v2 `allocate` (bigint and number calculators). Both get the same random
 * amounts and the same integer ratios. The bench prints throughput, how often the two agree,
 * and whether each one reproduces the seed deliberation's figures.
 *
 * Prints figures only: no timed assertion (STYLE.md). Each measurement is bounded
 * (`--seconds`, `--rounds`). Run: `npm run bench:allocate`.
 */

import { parseArgs } from "node:util";
import {
  allocate as allocateNumber,
  dinero as dineroNumber,
  EUR as EUR_NUMBER,
  toSnapshot as snapshotNumber,
} from "dinero.js";
import {
  allocate as allocateBigint,
  dinero as dineroBigint,
  EUR as EUR_BIGINT,
  toSnapshot as snapshotBigint,
} from "dinero.js/bigint";
import { allocateLargestRemainder } from "../src/finance/domain/allocate-largest-remainder.ts";
import type { ExactShares } from "../src/finance/domain/exact-shares.ts";
import { createRandom } from "./generate-entente.ts";

/** One split to make: `total` rounding units (euros or cents) by exact shares. */
interface Case {
  readonly total: bigint;
  readonly shares: ExactShares;
  readonly ratiosNumber: readonly number[];
}

interface CaseSet {
  readonly name: string;
  readonly cases: readonly Case[];
}

type Allocator = (c: Case) => readonly bigint[];

const ours: Allocator = (c) => allocateLargestRemainder(c.total, c.shares);
const dineroWithBigint: Allocator = (c) =>
  allocateBigint(dineroBigint({ amount: c.total, currency: EUR_BIGINT, scale: 0n }), [
    ...c.shares.numerators,
  ]).map((part) => snapshotBigint(part).amount);
const dineroWithNumber: Allocator = (c) =>
  allocateNumber(dineroNumber({ amount: Number(c.total), currency: EUR_NUMBER, scale: 0 }), [
    ...c.ratiosNumber,
  ]).map((part) => BigInt(snapshotNumber(part).amount));
const ALLOCATORS: readonly { name: string; run: Allocator }[] = [
  { name: "ours (largest remainder)", run: ours },
  { name: "dinero.js allocate (bigint)", run: dineroWithBigint },
  { name: "dinero.js allocate (number)", run: dineroWithNumber },
];

function makeCase(total: bigint, members: number, numerators: readonly bigint[], denominator: bigint): Case {
  return {
    total,
    shares: { members: Array.from({ length: members }, (_, i) => `m${i + 1}`), numerators, denominator },
    ratiosNumber: numerators.map(Number),
  };
}

/** Three sets like the keys of real ententes, deterministic from `seed`. */
function makeCaseSets(seed: number): CaseSet[] {
  const random = createRandom(seed);
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  // 3 members, percent key with 4 decimals (like 53 / 30.6 / 16.4), whole euros up to 10 M€.
  const percent = Array.from({ length: 2000 }, () => {
    const a = between(1, 999_998);
    const b = between(1, 1_000_000 - a - 1);
    return makeCase(
      BigInt(between(1, 10_000_000)),
      3,
      [BigInt(a), BigInt(b), BigInt(1_000_000 - a - b)],
      1_000_000n,
    );
  });
  // 12 members, integer weights (populations), cents up to 1 M€.
  const weights = (members: number, count: number, maxCents: number) =>
    Array.from({ length: count }, () => {
      const numerators = Array.from({ length: members }, () => BigInt(between(150, 8_000)));
      return makeCase(
        BigInt(between(1, maxCents)),
        members,
        numerators,
        numerators.reduce((s, n) => s + n, 0n),
      );
    });
  return [
    { name: "3 members, percent (4 decimals), euros", cases: percent },
    { name: "12 members, weights, cents", cases: weights(12, 2000, 100_000_000) },
    { name: "1,000 members, weights, cents", cases: weights(1000, 60, 1_000_000_000) },
  ];
}

/** Allocations per second, running over `cases` for at most `maxRounds` rounds or `seconds`, after one warm-up round. */
function throughput(
  run: Allocator,
  cases: readonly Case[],
  seconds: number,
  maxRounds: number,
): { perSecond: number; rounds: number } {
  let sink = 0n;
  for (const c of cases) sink += run(c)[0] ?? 0n;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  let rounds = 0;
  while (rounds < maxRounds && (rounds === 0 || performance.now() < deadline)) {
    for (const c of cases) sink += run(c)[0] ?? 0n;
    rounds += 1;
  }
  const elapsed = (performance.now() - start) / 1000;
  if (sink < 0n) console.log("impossible"); // keeps `sink` alive so the calls cannot be optimised away
  return { perSecond: (rounds * cases.length) / elapsed, rounds };
}

/** True when some part is one whole unit or more away from its exact share total × n / d. */
function missesByAUnit(c: Case, parts: readonly bigint[]): boolean {
  const { numerators, denominator } = c.shares;
  return parts.some((part, i) => {
    const gap = part * denominator - c.total * (numerators[i] ?? 0n);
    return (gap < 0n ? -gap : gap) >= denominator;
  });
}

/** Prints an aligned table; the first `leftColumns` columns are left-aligned, the others right-aligned. */
function printTable(header: readonly string[], lines: readonly (readonly string[])[], leftColumns = 1): void {
  const widths = header.map((h, col) => Math.max(h.length, ...lines.map((l) => (l[col] ?? "").length)));
  const format = (cells: readonly string[]) =>
    cells
      .map((cell, col) =>
        col < leftColumns ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0),
      )
      .join("  ");
  console.log(`${format(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const line of lines) console.log(format(line));
}

const euros = (value: bigint) => value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, " ");

/**
 * The seed's figures (deliberation n° 2022-1356): 2023 operating 544 176 € by 53 / 30.6 / 16.4 %
 * → 288 413 / 166 518 / 89 245, and the 70 140 € advance of 2022 → 37 174 / 21 463 / 11 503
 * (adjustments −32 966 / +21 463 / +11 503). Métropole's 2023 total: 288 413 + 50 350 − 32 966 = 305 797.
 */
function checkSeed(): void {
  const key = (total: bigint) => makeCase(total, 3, [530_000n, 306_000n, 164_000n], 1_000_000n);
  const published = { operating: [288_413n, 166_518n, 89_245n], advance: [37_174n, 21_463n, 11_503n] };
  console.log(
    "\nSeed figures, key 53 / 30.6 / 16.4 % (Métropole 2023 = its 2023 share + 50 350 recall of 2022 + its share of the 70 140 € advance − 70 140):",
  );
  const lines = ALLOCATORS.map(({ name, run }) => {
    const operating = run(key(544_176n));
    const advance = run(key(70_140n));
    const metropole = (operating[0] ?? 0n) + 50_350n + (advance[0] ?? 0n) - 70_140n;
    const same = (a: readonly bigint[], b: readonly bigint[]) =>
      a.length === b.length && a.every((v, i) => v === b[i]);
    return [
      name,
      operating.map(euros).join(" / "),
      advance.map(euros).join(" / "),
      euros(metropole),
      same(operating, published.operating) && same(advance, published.advance) ? "yes" : "no",
    ];
  });
  // dinero.js also accepts decimal ratios ({ amount: 306, scale: 1 }), but then it returns the parts at
  // the ratios' scale (tenths of a euro here), not in the unit the amount was given in.
  const scaled = allocateBigint(dineroBigint({ amount: 544_176n, currency: EUR_BIGINT, scale: 0n }), [
    { amount: 53n, scale: 0n },
    { amount: 306n, scale: 1n },
    { amount: 164n, scale: 1n },
  ]).map((part) => {
    const { amount, scale } = snapshotBigint(part);
    return `${euros(amount / 10n ** scale)}.${(amount % 10n ** scale).toString().padStart(Number(scale), "0")}`;
  });
  lines.push(["dinero.js, ratios {53,0} {306,1} {164,1}", scaled.join(" / "), "", "", "no (tenths of €)"]);
  printTable(
    ["allocator", "2023 operating 544 176 €", "2022 advance 70 140 €", "Métropole 2023", "reproduces seed"],
    lines,
  );
}

function main(): void {
  const { values } = parseArgs({
    options: {
      seed: { type: "string", default: "1" },
      seconds: { type: "string", default: "2" },
      rounds: { type: "string", default: "1000" },
    },
  });
  const seconds = Number(values.seconds);
  const maxRounds = Number(values.rounds);
  console.log(
    `Node ${process.version}; at most ${maxRounds} rounds or ${seconds} s per measurement, after 1 warm-up round; seed ${values.seed}.`,
  );
  checkSeed();

  for (const set of makeCaseSets(Number(values.seed))) {
    console.log(`\n${set.name}: ${set.cases.length} random cases`);
    const reference = set.cases.map(ours);
    const lines = ALLOCATORS.map(({ name, run }, index) => {
      const results = index === 0 ? reference : set.cases.map(run);
      const sumsExact = results.every(
        (parts, i) => parts.reduce((s, p) => s + p, 0n) === set.cases[i]?.total,
      );
      const agree = results.filter((parts, i) => parts.every((p, j) => p === reference[i]?.[j])).length;
      const offByAUnit = results.filter((parts, i) => {
        const c = set.cases[i];
        return c !== undefined && missesByAUnit(c, parts);
      }).length;
      const { perSecond, rounds } = throughput(run, set.cases, seconds, maxRounds);
      return { name, perSecond, rounds, sumsExact, agree, offByAUnit };
    });
    const oursPerSecond = lines[0]?.perSecond ?? Number.NaN;
    printTable(
      [
        "allocator",
        "allocations/s",
        "rounds",
        "ours ÷ this",
        "sums exact",
        "same as ours",
        "a part ≥ 1 unit off exact",
      ],
      lines.map((l) => [
        l.name,
        Math.round(l.perSecond).toLocaleString("en-US"),
        String(l.rounds),
        `× ${(oursPerSecond / l.perSecond).toFixed(2)}`,
        l.sumsExact ? "yes" : "NO",
        `${((100 * l.agree) / set.cases.length).toFixed(1)} %`,
        String(l.offByAUnit),
      ]),
    );
  }
}

main();
