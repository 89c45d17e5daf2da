// Size figures of the source tree: lines per non-test source file and per function, the way the
// architecture issue measures them (`node scripts/code-metrics.ts [--json]`). The limits are
// checked by test/code-size.test.ts; this script prints the figures for reviews and closing notes.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export interface FunctionSize {
  readonly file: string;
  readonly name: string;
  readonly line: number;
  readonly lines: number;
}

export interface FileSize {
  readonly file: string;
  readonly lines: number;
}

const ROOT = new URL("../", import.meta.url).pathname;
const SOURCE = /\.(ts|tsx)$/;

/** Non-test TypeScript sources under `folders` (relative to the repository root). */
export function sourceFiles(folders: readonly string[] = ["src", "web/src"]): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === "node_modules" ? [] : walk(path);
      return SOURCE.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
    });
  return folders.flatMap((folder) => walk(join(ROOT, folder))).sort();
}

/** Line count of a file as an editor shows it (a final newline does not start a line). */
export function lineCount(text: string): number {
  return text.endsWith("\n") ? text.split("\n").length - 1 : text.split("\n").length;
}

function functionName(node: ts.Node): string {
  if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node))
    return node.name?.getText() ?? "(anonymous)";
  const parent = node.parent;
  if (parent !== undefined && ts.isVariableDeclaration(parent)) return parent.name.getText();
  if (parent !== undefined && ts.isPropertyAssignment(parent)) return parent.name.getText();
  if (parent !== undefined && ts.isCallExpression(parent))
    return `(callback of ${parent.expression.getText().slice(0, 40)})`;
  return "(anonymous)";
}

/** Every function, method and arrow function of a file with its length in lines. */
export function functionSizes(path: string): FunctionSize[] {
  const text = readFileSync(path, "utf8");
  const kind = path.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  const found: FunctionSize[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isArrowFunction(node) ||
      ts.isFunctionExpression(node)
    ) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      found.push({
        file: relative(ROOT, path),
        name: functionName(node),
        line: start + 1,
        lines: end - start + 1,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

export function fileSizes(files: readonly string[] = sourceFiles()): FileSize[] {
  return files.map((file) => ({ file: relative(ROOT, file), lines: lineCount(readFileSync(file, "utf8")) }));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function main(): void {
  const files = sourceFiles();
  const sizes = fileSizes(files);
  const functions = files.flatMap(functionSizes);
  const over400 = sizes.filter((s) => s.lines > 400).sort((a, b) => b.lines - a.lines);
  const over80 = functions.filter((f) => f.lines > 80).sort((a, b) => b.lines - a.lines);
  const summary = {
    files: sizes.length,
    totalLines: sizes.reduce((sum, s) => sum + s.lines, 0),
    medianFileLines: median(sizes.map((s) => s.lines)),
    largestFile: [...sizes].sort((a, b) => b.lines - a.lines)[0],
    filesOver400: over400,
    functionsOver80: over80,
    largestFunction: [...functions].sort((a, b) => b.lines - a.lines)[0],
  };
  if (process.argv.includes("--json")) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  const out = [
    `non-test source files: ${summary.files}, ${summary.totalLines} lines, median ${summary.medianFileLines} lines per file`,
    `largest file: ${summary.largestFile?.file} (${summary.largestFile?.lines} lines)`,
    `files over 400 lines: ${over400.length}`,
    ...over400.map((s) => `  ${String(s.lines).padStart(5)}  ${s.file}`),
    `functions over 80 lines: ${over80.length}`,
    ...over80.map((f) => `  ${String(f.lines).padStart(5)}  ${f.file}:${f.line} ${f.name}`),
  ];
  process.stdout.write(`${out.join("\n")}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
