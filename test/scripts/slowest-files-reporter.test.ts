import assert from "node:assert/strict";
import { describe, it } from "node:test";
import slowestFilesReporter, {
  collectFileDurations,
  DEFAULT_SLOWEST_FILES,
  formatDuration,
  formatSlowestFiles,
  type RunnerEvent,
  slowestFilesCount,
} from "../../scripts/slowest-files-reporter.ts";

const CWD = "/repo";
/** The end of a whole file as the runner reports it (a top-level test named after its path). */
const fileEnd = (path: string, ms: number, passed = true): RunnerEvent => ({
  type: "test:complete",
  data: { name: path, file: `${CWD}/${path}`, nesting: 0, details: { duration_ms: ms, passed } },
});

describe("slowest-files reporter", () => {
  it("takes each file's wall time from the runner's end of that file, not from its tests", () => {
    const events: RunnerEvent[] = [
      // a top-level test of the file: not the file
      {
        type: "test:complete",
        data: { name: "a test", file: "/repo/test/a.test.ts", nesting: 0, details: { duration_ms: 10 } },
      },
      { type: "test:summary", data: { file: "/repo/test/a.test.ts", duration_ms: 900 } },
      fileEnd("test/a.test.ts", 1500),
      fileEnd("test/b.test.ts", 4000, false),
      // a file run without its own process: only its summary
      { type: "test:summary", data: { file: "/repo/test/c.test.ts", duration_ms: 300 } },
      // the run's own summary has no file
      { type: "test:summary", data: { duration_ms: 6000 } },
    ];
    assert.deepEqual(
      collectFileDurations(events, CWD).sort((a, b) => a.file.localeCompare(b.file)),
      [
        { file: "/repo/test/a.test.ts", ms: 1500, failed: false },
        { file: "/repo/test/b.test.ts", ms: 4000, failed: true },
        { file: "/repo/test/c.test.ts", ms: 300, failed: false },
      ],
    );
  });

  it("lists the slowest files first with their share of the total, and marks failed ones", () => {
    const text = formatSlowestFiles(
      [
        { file: "/repo/test/fast.test.ts", ms: 1000, failed: false },
        { file: "/repo/test/e2e/console.test.ts", ms: 192_400, failed: false },
        { file: "/repo/test/main.test.ts", ms: 6600, failed: true },
      ],
      2,
      CWD,
    );
    assert.equal(
      text,
      [
        "",
        "Slowest test files (2 of 3; all files together: 3 min 20.0 s):",
        "  3 min 12.4 s   96 %  test/e2e/console.test.ts",
        "         6.6 s    3 %  test/main.test.ts  (failed)",
        "",
      ].join("\n"),
    );
    assert.equal(formatSlowestFiles([], 10, CWD), "");
  });

  it("formats durations in seconds, then minutes and seconds", () => {
    assert.equal(formatDuration(0), "0.0 s");
    assert.equal(formatDuration(59_949), "59.9 s");
    assert.equal(formatDuration(60_000), "1 min 00.0 s");
    assert.equal(formatDuration(754_321), "12 min 34.3 s");
  });

  it("lists TEST_SLOWEST_FILES files (10 by default)", () => {
    assert.equal(slowestFilesCount({}), DEFAULT_SLOWEST_FILES);
    assert.equal(slowestFilesCount({ TEST_SLOWEST_FILES: "3" }), 3);
    assert.throws(() => slowestFilesCount({ TEST_SLOWEST_FILES: "0" }), /whole number/);
    assert.throws(() => slowestFilesCount({ TEST_SLOWEST_FILES: "many" }), /whole number/);
  });

  it("as a reporter: reads the whole stream, then writes the summary once", async () => {
    const file = `${process.cwd()}/x.test.ts`;
    async function* stream(): AsyncGenerator<RunnerEvent> {
      yield { type: "test:pass", data: { name: "t", file, nesting: 0 } };
      yield {
        type: "test:complete",
        data: { name: "x.test.ts", file, nesting: 0, details: { duration_ms: 2000, passed: true } },
      };
    }
    const chunks: string[] = [];
    for await (const chunk of slowestFilesReporter(stream())) chunks.push(chunk);
    assert.equal(chunks.length, 1);
    assert.match(chunks[0] ?? "", /Slowest test files \(1 of 1[^\n]*\n\s+2\.0 s\s+100 %\s+x\.test\.ts\n/);
  });
});
