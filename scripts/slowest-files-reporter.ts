// A reporter for `node --test` that prints, once every file has run, the slowest test files and
// how long the files took in all. scripts/test.sh adds it after the spec reporter:
//   node --test --test-reporter=spec --test-reporter-destination=stdout \
//     --test-reporter=./scripts/slowest-files-reporter.ts --test-reporter-destination=stdout …
// TEST_SLOWEST_FILES sets how many files it lists (default 10).
import { relative, resolve } from "node:path";

/** The events of the runner this reporter reads (node:test's reporter stream). */
export interface RunnerEvent {
  readonly type: string;
  readonly data?: {
    readonly name?: string;
    readonly file?: string;
    readonly nesting?: number;
    readonly duration_ms?: number;
    readonly details?: { readonly duration_ms?: number; readonly passed?: boolean };
  };
}

/** How long one test file took, and whether it failed. */
export interface FileDuration {
  readonly file: string;
  readonly ms: number;
  readonly failed: boolean;
}

/** How many files the summary lists by default. */
export const DEFAULT_SLOWEST_FILES = 10;

/**
 * Whether an event is the end of a whole file: with process isolation (the default) the runner
 * runs each file as a top-level test named after the path it was given, whose duration is the
 * file's process from its start to its end — loading its modules and its hooks included.
 */
function isFileEnd(event: RunnerEvent, cwd: string): boolean {
  const { data } = event;
  return (
    event.type === "test:complete" &&
    data?.nesting === 0 &&
    data.name !== undefined &&
    data.file !== undefined &&
    resolve(cwd, data.name) === data.file
  );
}

/**
 * The wall time of every test file from the runner's events (see isFileEnd); for a file run
 * without its own process, the `test:summary` it sent (its tests and hooks, without loading it).
 */
export function collectFileDurations(events: Iterable<RunnerEvent>, cwd: string): FileDuration[] {
  const ends = new Map<string, FileDuration>();
  const summaries = new Map<string, number>();
  for (const event of events) {
    const file = event.data?.file;
    if (file === undefined) continue;
    if (isFileEnd(event, cwd)) {
      const ms = event.data?.details?.duration_ms ?? 0;
      ends.set(file, { file, ms, failed: event.data?.details?.passed === false });
    } else if (event.type === "test:summary" && event.data?.duration_ms !== undefined) {
      summaries.set(file, event.data.duration_ms);
    }
  }
  for (const [file, ms] of summaries) if (!ends.has(file)) ends.set(file, { file, ms, failed: false });
  return [...ends.values()];
}

/** `3 min 12.4 s`, `48.0 s`. */
export function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${(seconds - minutes * 60).toFixed(1).padStart(4, "0")} s`;
}

/**
 * The summary printed at the end: the `count` slowest files, slowest first, with their share of
 * the time all files took (paths relative to `cwd`; a failed file is marked).
 */
export function formatSlowestFiles(files: readonly FileDuration[], count: number, cwd: string): string {
  if (files.length === 0) return "";
  const total = files.reduce((sum, f) => sum + f.ms, 0);
  const slowest = [...files].sort((a, b) => b.ms - a.ms || a.file.localeCompare(b.file)).slice(0, count);
  const width = Math.max(...slowest.map((f) => formatDuration(f.ms).length));
  const lines = slowest.map((f) => {
    const share = total === 0 ? 0 : Math.round((f.ms / total) * 100);
    const mark = f.failed ? "  (failed)" : "";
    return `  ${formatDuration(f.ms).padStart(width)}  ${String(share).padStart(3)} %  ${relative(cwd, f.file)}${mark}`;
  });
  return [
    "",
    `Slowest test files (${slowest.length} of ${files.length}; all files together: ${formatDuration(total)}):`,
    ...lines,
    "",
  ].join("\n");
}

/**
 * How many files to list, from TEST_SLOWEST_FILES.
 * @throws when it is set to something else than a whole number ≥ 1.
 */
export function slowestFilesCount(env: NodeJS.ProcessEnv): number {
  const text = env.TEST_SLOWEST_FILES;
  if (text === undefined || text === "") return DEFAULT_SLOWEST_FILES;
  const count = Number(text);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`TEST_SLOWEST_FILES=${JSON.stringify(text)}: expected a whole number ≥ 1`);
  return count;
}

/** The reporter: reads every event, then writes the summary. */
// biome-ignore lint/style/noDefaultExport: node --test loads a custom reporter from its module's default export
export default async function* slowestFilesReporter(
  source: AsyncIterable<RunnerEvent>,
): AsyncGenerator<string, void> {
  const count = slowestFilesCount(process.env);
  const cwd = process.cwd();
  const events: RunnerEvent[] = [];
  for await (const event of source) {
    if (event.type === "test:summary" || isFileEnd(event, cwd)) events.push(event);
  }
  yield formatSlowestFiles(collectFileDurations(events, cwd), count, cwd);
}
