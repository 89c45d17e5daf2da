/**
 * Budget benchmark: how parsing, computing and the whole CLI scale from the seed's 3-member
 * entente (examples/lyon-2023) to a generated 1,000-member × 50-mission one.
 *
 * Prints figures and ratios only: no timed assertion (STYLE.md). Each measurement is bounded
 * in iterations and in time (`--iterations`, `--seconds`, `--cli-iterations`, `--cli-seconds`),
 * after one untimed warm-up run.
 *
 * Run: `npm run bench` (or `node bench/budget.bench.ts --members 1000 --missions 50`); issue 9's
 * case: `node bench/budget.bench.ts --members 20000 --missions 50 --exercises 6 --cli-iterations 5`.
 * Beside each wall-clock median, the median CPU time of a run (the CLI's: the child's, from /proc).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { computeBudgetReport } from "../src/finance/domain/compute-budget-report.ts";
import { parseEntenteText, parseLocated } from "../src/finance/formats/read-entente-file.ts";
import { formatEuros } from "../src/shared/money.ts";
import { generateEntenteYaml } from "./generate-entente.ts";

const ROOT = resolve(import.meta.dirname, "..");
// The command as installed (bin/entente.js: Node's compile cache on, then src/cli.ts).
const CLI = join(ROOT, "bin", "entente.js");

interface Stats {
  readonly iterations: number;
  readonly medianMs: number;
  readonly p90Ms: number;
  /** Completed runs per second of measured time (iterations / Σ durations). */
  readonly opsPerSecond: number;
  /** Median CPU time of a run (user + system): it holds on a loaded machine, wall time does not. */
  readonly cpuMedianMs: number;
}

/** CPU time (ms) of this process, or with `children`, of its waited-for children (/proc, Linux). */
function cpuMs(children = false): number {
  if (!children) {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  }
  try {
    // Fields 16 and 17 of /proc/self/stat (cutime, cstime), in clock ticks (USER_HZ, 100 on Linux).
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Nearest-rank percentile of sorted durations. */
function percentile(sorted: readonly number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN
  );
}

/** Runs `run` once untimed, then at most `maxIterations` times or until `maxSeconds` have passed. */
function measure(run: () => void, maxIterations: number, maxSeconds: number, children = false): Stats {
  run();
  const durations: number[] = [];
  const cpu: number[] = [];
  const deadline = performance.now() + maxSeconds * 1000;
  while (durations.length < maxIterations && (durations.length === 0 || performance.now() < deadline)) {
    const [start, cpuStart] = [performance.now(), cpuMs(children)];
    run();
    durations.push(performance.now() - start);
    cpu.push(cpuMs(children) - cpuStart);
  }
  const sorted = [...durations].sort((a, b) => a - b);
  const total = durations.reduce((sum, d) => sum + d, 0);
  return {
    iterations: durations.length,
    medianMs: percentile(sorted, 50),
    p90Ms: percentile(sorted, 90),
    opsPerSecond: (durations.length * 1000) / total,
    cpuMedianMs: percentile(
      cpu.sort((a, b) => a - b),
      50,
    ),
  };
}

/** Runs the CLI as a child process with the same Node binary; throws with its stderr if it fails. */
function runCli(file: string): number {
  const result = spawnSync(process.execPath, [CLI, "budget", file, "--format", "json"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
  });
  if (result.error !== undefined)
    throw new Error(`CLI could not start: ${result.error.message}`, { cause: result.error });
  if (result.status !== 0)
    throw new Error(`CLI exited with ${result.status}: ${result.stderr.trim().slice(0, 500)}`);
  return result.stdout.length;
}

interface Case {
  readonly name: string;
  readonly file: string;
  readonly text: string;
  readonly year: number;
}

type Row = { readonly operation: string; readonly stats: Stats | string };

function benchCase(
  c: Case,
  limits: { iterations: number; seconds: number; cliIterations: number; cliSeconds: number },
): Row[] {
  const entente = parseEntenteText(c.text, c.file);
  const report = computeBudgetReport(entente, c.year);
  const allocations = report.settlements.reduce((sum, s) => sum + s.allocations.length, 0);
  console.log(
    `\n${c.name}: ${Buffer.byteLength(c.text)} bytes, ${entente.members.length} members, ${entente.keys.length} keys, ` +
      `${entente.missions.length} missions, ${report.settlements.length} exercise(s) called in ${c.year}, ${allocations} key allocations; ` +
      `fund calls total ${formatEuros(report.fundCallTotals.total)} €`,
  );
  const rows: Row[] = [
    {
      operation: "parseEntenteText",
      stats: measure(() => parseEntenteText(c.text, c.file), limits.iterations, limits.seconds),
    },
    {
      // The same file read by the located path alone (yaml with positions): what an invalid file
      // costs, and what every file cost before the fast path.
      operation: "parseLocated (yaml, positions)",
      stats: measure(() => parseLocated(c.text, c.file), limits.iterations, limits.seconds),
    },
    {
      operation: "computeBudgetReport",
      stats: measure(() => computeBudgetReport(entente, c.year), limits.iterations, limits.seconds),
    },
  ];
  if (!existsSync(CLI)) {
    console.log(`  note: ${CLI} does not exist yet; the CLI measurement is skipped.`);
    rows.push({ operation: "entente budget --format json", stats: "skipped (no bin/entente.js)" });
  } else {
    try {
      const bytes = runCli(c.file);
      console.log(`  CLI JSON output: ${bytes} characters`);
      rows.push({
        operation: "entente budget --format json",
        stats: measure(() => runCli(c.file), limits.cliIterations, limits.cliSeconds, true),
      });
    } catch (error) {
      console.log(`  note: the CLI failed, its measurement is skipped: ${(error as Error).message}`);
      rows.push({ operation: "entente budget --format json", stats: "skipped (CLI failed)" });
    }
  }
  return rows;
}

const ms = (value: number) =>
  value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);

function printTable(big: Case, bigRows: readonly Row[], base: Case, baseRows: readonly Row[]): void {
  const header = [
    "operation",
    "entente",
    "runs",
    "median ms",
    "p90 ms",
    "ops/s",
    "CPU ms",
    "big/baseline (median)",
  ];
  const lines: string[][] = [];
  bigRows.forEach((bigRow, i) => {
    const baseRow = baseRows[i];
    for (const [c, row] of [
      [base, baseRow],
      [big, bigRow],
    ] as const) {
      if (row === undefined) continue;
      if (typeof row.stats === "string") {
        lines.push([row.operation, c.name, "—", row.stats, "", "", "", ""]);
        continue;
      }
      const ratio =
        c === big && baseRow !== undefined && typeof baseRow.stats !== "string"
          ? `× ${(row.stats.medianMs / baseRow.stats.medianMs).toFixed(1)}`
          : "";
      lines.push([
        row.operation,
        c.name,
        String(row.stats.iterations),
        ms(row.stats.medianMs),
        ms(row.stats.p90Ms),
        row.stats.opsPerSecond.toFixed(1),
        ms(row.stats.cpuMedianMs),
        ratio,
      ]);
    }
  });
  const widths = header.map((h, col) => Math.max(h.length, ...lines.map((l) => (l[col] ?? "").length)));
  const format = (cells: readonly string[]) =>
    cells
      .map((cell, col) => (col <= 1 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0)))
      .join("  ");
  console.log(`\n${format(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const line of lines) console.log(format(line));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      members: { type: "string", default: "1000" },
      missions: { type: "string", default: "50" },
      exercises: { type: "string", default: "2" },
      seed: { type: "string", default: "1" },
      iterations: { type: "string", default: "30" },
      seconds: { type: "string", default: "8" },
      "cli-iterations": { type: "string", default: "20" },
      "cli-seconds": { type: "string", default: "12" },
    },
  });
  const limits = {
    iterations: Number(values.iterations),
    seconds: Number(values.seconds),
    cliIterations: Number(values["cli-iterations"]),
    cliSeconds: Number(values["cli-seconds"]),
  };
  const members = Number(values.members);
  const missions = Number(values.missions);
  const exercises = Number(values.exercises);
  console.log(
    `Node ${process.version}, ${process.platform}/${process.arch}; at most ${limits.iterations} runs or ${limits.seconds} s per in-process measurement, ` +
      `${limits.cliIterations} runs or ${limits.cliSeconds} s per CLI measurement, after 1 warm-up run.`,
  );

  const loadBefore = loadavg()[0] ?? 0;
  const directory = await mkdtemp(join(tmpdir(), "entente-bench-"));
  try {
    const started = performance.now();
    const text = generateEntenteYaml({ members, missions, exercises, seed: Number(values.seed) });
    const generatedMs = performance.now() - started;
    const bigFile = join(directory, `generated-${members}x${missions}.yaml`);
    await writeFile(bigFile, text, "utf8");
    console.log(
      `Generated ${members} members × ${missions} missions (seed ${values.seed}) in ${ms(generatedMs)} ms → ${bigFile}`,
    );

    const baseFile = join(ROOT, "examples", "lyon-2023", "entente.yaml");
    const base: Case = {
      name: "lyon-2023 (baseline)",
      file: baseFile,
      text: await readFile(baseFile, "utf8"),
      year: 2023,
    };
    const big: Case = { name: `${members}×${missions}×${exercises}y`, file: bigFile, text, year: 2025 };
    const baseRows = benchCase(base, limits);
    const bigRows = benchCase(big, limits);
    printTable(big, bigRows, base, baseRows);
    console.log(
      `\nTotal ${((performance.now() - started) / 1000).toFixed(1)} s; load average ${loadBefore.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)}.`,
    );
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

await main();
