import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/**
 * The dependency rule of docs/architecture.md, read from the imports of every source file under
 * src/ (context × layer). Test files (`*.test.ts`) are left out: a test may build its fixtures
 * with any layer (the golden test of the finance domain reads the example with the file reader).
 *
 * - `shared/` (the pure kernel, which the web console imports too) imports nothing of ours.
 * - `platform/` (config, database, HTTP and CLI building blocks) imports `shared` and itself.
 * - A context (`CONTEXTS`) holds its own layers. Inside it: `domain` ← `app` ← adapters (`db`,
 *   `http`, `cli`, `formats`, `oidc`, …); `contracts` and `errors.ts` are leaves; `compose.ts`
 *   (and `compose-cli.ts`) wire the context and `index.ts` is its one door. Between contexts, only through the other
 *   context's `index.ts`, and the graph of contexts has no cycle.
 * - `compose.ts` wires the contexts through their doors; `main.ts` (the server) and `cli.ts` (the
 *   command line) run it.
 */

const SRC = fileURLToPath(new URL("../src/", import.meta.url));

/** The bounded contexts (docs/architecture.md); a new top folder of src/ must be added here. */
export const CONTEXTS = ["finance", "identity", "access", "workplace", "provisioning"] as const;
const KERNEL = ["shared", "platform"] as const;
const ROOT_FILES = new Set(["main.ts", "cli.ts", "compose.ts", "first-start.ts"]);

/** Layers of a context that hold pure rules and use cases; every other folder is an adapter. */
const INNER_LAYERS = new Set(["domain", "app"]);
/** Adapters that nothing but the context's composition imports (they are entry points). */
const ENTRY_ADAPTERS = new Set(["http", "cli"]);

interface Import {
  readonly from: string; // file, relative to src/, with "/" separators
  readonly specifier: string;
  readonly target: string | null; // resolved file relative to src/, or null for a package
  readonly typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

const toPosix = (path: string) => path.split(sep).join("/");

/** Every static, type-only, re-export and dynamic import of a file (TypeScript's own parser). */
function importsOf(file: string): Import[] {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Import[] = [];
  const from = toPosix(relative(SRC, file));
  const add = (literal: ts.Node | undefined, typeOnly: boolean) => {
    if (literal === undefined || !ts.isStringLiteral(literal)) return;
    const specifier = literal.text;
    const relativeImport = specifier.startsWith("./") || specifier.startsWith("../");
    const target = relativeImport ? toPosix(relative(SRC, resolve(dirname(file), specifier))) : null;
    found.push({ from, specifier, target, typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, node.importClause?.isTypeOnly === true);
    else if (ts.isExportDeclaration(node)) add(node.moduleSpecifier, node.isTypeOnly);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword)
      add(node.arguments[0], false);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument))
      add(node.argument.literal, true);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Where a file sits: its top folder of src/ (or "(root)"), and its layer inside a context. */
export function placeOf(pathInSrc: string): { top: string; layer: string } {
  if (pathInSrc.startsWith("../")) return { top: "(outside src)", layer: "" };
  const parts = pathInSrc.split("/");
  if (parts.length === 1) return { top: "(root)", layer: parts[0] ?? "" };
  const top = parts[0] ?? "";
  // A file at the root of a context is its own layer: index.ts, compose.ts, contracts.ts, errors.ts.
  const layer = parts.length === 2 ? (parts[1] ?? "") : (parts[1] ?? "");
  return { top, layer };
}

const isContext = (top: string) => (CONTEXTS as readonly string[]).includes(top);

/** Why an import breaks the dependency rule, or null when it is allowed. */
export function violation(imp: Import): string | null {
  const from = placeOf(imp.from);
  if (imp.target === null) {
    // Packages: pure layers do no I/O (STYLE.md: no I/O, no clock, no framework).
    const pure = from.top === "shared" || (isContext(from.top) && from.layer === "domain");
    return pure && imp.specifier.startsWith("node:") ? "a pure layer does no I/O: no node: modules" : null;
  }
  const to = placeOf(imp.target);
  if (to.top === "(outside src)" && !imp.target.endsWith("package.json")) return "imports outside src/";
  if (to.top === "(outside src)")
    return from.top === "(root)" || from.top === "platform" ? null : "package.json is read by the roots";
  if (from.top === "shared") return to.top === "shared" ? null : "shared imports nothing of ours";
  if (from.top === "platform")
    return to.top === "shared" || to.top === "platform" ? null : "platform imports only shared and itself";
  if (from.top === "(root)") {
    if (!ROOT_FILES.has(imp.from))
      return "files at the root of src/ are main.ts, cli.ts, compose.ts and first-start.ts only";
    if (to.top === "shared" || to.top === "platform") return null;
    if (isContext(to.top))
      return to.layer === "index.ts" ? null : `compose ${to.top} through ${to.top}/index.ts`;
    if (to.top === "(root)" && to.layer === "compose.ts") return null;
    // The server's first start (the example's seeding and the greeting), split out of main.ts.
    if (to.top === "(root)" && to.layer === "first-start.ts" && imp.from === "main.ts") return null;
    return "main.ts and cli.ts do not import each other";
  }
  if (!isContext(from.top))
    return `unknown top folder "${from.top}": add it to CONTEXTS (docs/architecture.md)`;
  if (to.top === "(root)") return "a context does not import the composition roots";
  if (to.top === "shared") return null;
  if (to.top === "platform") {
    if (from.layer === "domain" || from.layer === "contracts.ts" || from.layer === "contracts")
      return "domain and contracts stay free of the platform";
    if (from.layer === "app" && !imp.typeOnly) return "app imports only types of the platform (its ports)";
    return null;
  }
  if (to.top !== from.top) {
    if (!isContext(to.top)) return `unknown top folder "${to.top}"`;
    return to.layer === "index.ts" ? null : `other contexts are reached through ${to.top}/index.ts only`;
  }
  return insideContext(from.layer, to.layer);
}

/** The layer direction inside one context. */
function insideContext(from: string, to: string): string | null {
  const isComposition = (layer: string) => layer === "index.ts" || /^compose(-[a-z]+)?\.ts$/.test(layer);
  if (isComposition(from)) return null;
  if (isComposition(to)) return `${from} does not import the context's door or composition`;
  // The error catalog: `errors.ts`, and the parts it is split into (`errors-<part>.ts`) when long.
  const isCatalog = (layer: string) => /^errors(-[a-z]+)?\.ts$/.test(layer);
  if (isCatalog(to)) return null;
  if (isCatalog(from)) return "errors.ts is a leaf of its context";
  const isContracts = (layer: string) => layer === "contracts.ts" || layer === "contracts";
  if (isContracts(from)) return isContracts(to) ? null : "contracts import only contracts";
  if (from === "domain") return to === "domain" ? null : "domain imports only its own domain";
  if (from === "app") return to === "domain" || to === "app" ? null : "app imports only domain and app";
  // An adapter: the inner layers, the contracts and the other adapters, but never http or cli.
  if (INNER_LAYERS.has(to) || isContracts(to) || to === from) return null;
  return ENTRY_ADAPTERS.has(to) ? `only the composition imports ${to}` : null;
}

describe("architecture: the dependency rule of src/ (context × layer)", () => {
  const files = sourceFiles(SRC);
  const imports = files.flatMap(importsOf);

  it("reads the sources and their imports (the check is not vacuous)", () => {
    const tops = new Set(files.map((f) => placeOf(toPosix(relative(SRC, f))).top));
    for (const top of [...CONTEXTS, ...KERNEL, "(root)"]) assert.ok(tops.has(top), top);
    const compute = imports
      .filter((i) => i.from === "finance/domain/compute-budget-report.ts")
      .map((i) => i.target);
    assert.ok(compute.includes("finance/domain/allocate-largest-remainder.ts"), JSON.stringify(compute));
  });

  it("relative imports resolve to files that exist", () => {
    const known = new Set(files.map((f) => toPosix(relative(SRC, f))));
    const broken = imports.filter(
      (i) =>
        i.target !== null && !i.target.startsWith("../") && !known.has(i.target) && i.target.endsWith(".ts"),
    );
    assert.deepEqual(
      broken.map((i) => `${i.from} → ${i.specifier}`),
      [],
    );
  });

  it("every import follows the rule", () => {
    const problems = imports.flatMap((imp) => {
      const why = violation(imp);
      return why === null ? [] : [`${imp.from} imports ${imp.specifier}: ${why}`];
    });
    assert.deepEqual(problems, []);
  });

  it("every context has its door (index.ts), its composition and a README", () => {
    const known = new Set(files.map((f) => toPosix(relative(SRC, f))));
    for (const context of CONTEXTS) {
      assert.ok(known.has(`${context}/index.ts`), `${context}/index.ts`);
      const readme = readFileSync(join(SRC, context, "README.md"), "utf8");
      assert.ok(readme.length > 100, `${context}/README.md says what lives there`);
    }
  });

  it("the contexts depend on each other without a cycle", () => {
    const edges = new Map<string, Set<string>>();
    for (const imp of imports) {
      if (imp.target === null) continue;
      const from = placeOf(imp.from).top;
      const to = placeOf(imp.target).top;
      if (isContext(from) && isContext(to) && from !== to) {
        const set = edges.get(from) ?? new Set();
        set.add(to);
        edges.set(from, set);
      }
    }
    const cycle = findCycle(edges);
    assert.equal(cycle, null, `cycle between contexts: ${cycle?.join(" → ")}`);
  });

  it("the rules themselves reject what the architecture forbids", () => {
    const check = (from: string, target: string | null, specifier = target ?? "") =>
      violation({ from, specifier, target, typeOnly: false });
    // shared: the pure kernel
    assert.equal(check("shared/money.ts", "shared/errors.ts"), null);
    assert.notEqual(check("shared/money.ts", "platform/db/open-database.ts"), null);
    assert.notEqual(check("shared/money.ts", "finance/index.ts"), null);
    assert.notEqual(check("shared/money.ts", null, "node:fs"), null);
    assert.equal(check("shared/money.ts", null, "decimal.js"), null);
    // platform
    assert.equal(check("platform/http/build-app.ts", "shared/errors.ts"), null);
    assert.notEqual(check("platform/http/build-app.ts", "finance/index.ts"), null);
    // inside a context
    assert.equal(check("finance/domain/compute-budget-report.ts", "finance/domain/entente.ts"), null);
    assert.equal(check("finance/domain/compute-budget-report.ts", "finance/errors.ts"), null);
    assert.notEqual(
      check("finance/domain/compute-budget-report.ts", "finance/app/ports/budget-store.ts"),
      null,
    );
    assert.notEqual(check("finance/domain/compute-budget-report.ts", "platform/db/schema.ts"), null);
    assert.notEqual(check("finance/domain/x.ts", null, "node:crypto"), null);
    assert.equal(check("finance/app/read-budget.ts", "finance/domain/entente.ts"), null);
    assert.notEqual(check("finance/app/read-budget.ts", "finance/db/budget-store.ts"), null);
    assert.notEqual(check("finance/app/read-budget.ts", "finance/http/budget-routes.ts"), null);
    assert.equal(check("finance/db/budget-store.ts", "finance/app/ports/budget-store.ts"), null);
    assert.equal(check("finance/db/budget-store.ts", "platform/db/record-audit.ts"), null);
    assert.equal(check("finance/http/budget-routes.ts", "finance/formats/render-json.ts"), null);
    assert.notEqual(check("finance/db/budget-store.ts", "finance/http/budget-routes.ts"), null);
    assert.notEqual(check("finance/formats/render-text.ts", "finance/cli/budget-export.ts"), null);
    assert.equal(check("finance/compose.ts", "finance/http/budget-routes.ts"), null);
    assert.notEqual(check("finance/contracts/api.ts", "finance/domain/entente.ts"), null);
    assert.notEqual(check("finance/errors.ts", "finance/domain/entente.ts"), null);
    // between contexts: the door only
    assert.equal(check("identity/app/sign-in-flow.ts", "access/index.ts"), null);
    assert.notEqual(check("identity/app/sign-in-flow.ts", "access/app/ports.ts"), null);
    assert.notEqual(check("identity/db/x.ts", "finance/db/budget-store.ts"), null);
    assert.notEqual(check("nowhere/x.ts", "shared/money.ts"), null);
    // the roots
    assert.equal(check("main.ts", "finance/index.ts"), null);
    assert.equal(check("main.ts", "platform/config/load-config.ts"), null);
    assert.notEqual(check("main.ts", "finance/db/budget-store.ts"), null);
    assert.notEqual(check("helpers.ts", "shared/money.ts"), null);
    assert.notEqual(check("finance/app/x.ts", "main.ts"), null);
    assert.equal(check("main.ts", "compose.ts"), null);
    assert.equal(check("main.ts", "first-start.ts"), null);
    assert.notEqual(check("cli.ts", "first-start.ts"), null);
    assert.notEqual(check("compose.ts", "main.ts"), null);
    // app sees the platform's ports (types), never its implementations
    const typeImport = { from: "identity/app/sign-in-state.ts", specifier: "x", typeOnly: true };
    assert.equal(violation({ ...typeImport, target: "platform/db/transient-store.ts" }), null);
    assert.notEqual(
      violation({ ...typeImport, target: "platform/db/transient-store.ts", typeOnly: false }),
      null,
    );
  });

  it("finds a cycle between contexts when there is one", () => {
    const edges = new Map([
      ["a", new Set(["b"])],
      ["b", new Set(["c"])],
      ["c", new Set(["a"])],
    ]);
    assert.deepEqual(findCycle(edges), ["a", "b", "c", "a"]);
    assert.equal(findCycle(new Map([["a", new Set(["b"])]])), null);
  });
});

/** A cycle of the directed graph, as the list of its nodes (first = last), or null. */
function findCycle(edges: ReadonlyMap<string, ReadonlySet<string>>): string[] | null {
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === "done") return null;
    if (state.get(node) === "open") return [...path.slice(path.indexOf(node)), node];
    state.set(node, "open");
    path.push(node);
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle !== null) return cycle;
    }
    path.pop();
    state.set(node, "done");
    return null;
  };
  for (const node of edges.keys()) {
    const cycle = visit(node);
    if (cycle !== null) return cycle;
  }
  return null;
}
