import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

/**
 * The console's layout (web/src/README.md), read from the import statements of every file of
 * web/src:
 * - Of the server's code it imports only the pure kernel (src/shared: money, rates, the shapes
 *   every API shares) and each context's contracts (`src/<context>/contracts.ts` or `contracts/`:
 *   zod schemas shared with the server), never a domain, a use case or an adapter: what it knows
 *   of the server is the API. Never `src/shared/money.ts` either: decimal.js would enter the bundle.
 * - `shared/` (generic components, API client, i18n machinery, hooks, layout) imports no feature.
 * - `features/<context>/` mirrors a context of the server (FEATURES); it imports `shared/`, its own
 *   files and other features through their door (`features/<other>/index.ts`) only, and the
 *   features depend on each other without a cycle (access ← finance ← identity, as on the server).
 * - The root (main.tsx, app.tsx, translations/) composes the features through their doors.
 */
const WEB = fileURLToPath(new URL("./", import.meta.url));
const ROOT = resolve(WEB, "../..");
const SHARED = join(ROOT, "src", "shared") + sep;
const CONTRACT = new RegExp(`^${escapeRegExp(join(ROOT, "src"))}/[a-z]+/contracts(\\.ts$|/)`);
/** Feature folders of web/src/features, one per context of the server (src/<context>). */
const FEATURES = ["access", "finance", "identity", "workplace", "provisioning"] as const;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Where a file of web/src sits: "shared", "feature:<name>" or "root" (main.tsx, app.tsx, translations/). */
function areaOf(path: string): string {
  const inWeb = relative(WEB, path).split(sep);
  if (inWeb[0] === "shared") return "shared";
  if (inWeb[0] === "features") return `feature:${inWeb[1] ?? ""}`;
  return "root";
}

/** Whether `target` is the door of a feature: web/src/features/<name>/index.ts. */
function isDoor(target: string): boolean {
  const inWeb = relative(WEB, target).split(sep);
  return inWeb.length === 3 && inWeb[0] === "features" && inWeb[2] === "index.ts";
}

/** Whether the console may import `target`, a file of the server's code, or why not. */
function whyNotServer(target: string): string | null {
  if (target === join(SHARED, "money.ts")) return "src/shared/money.ts brings decimal.js into the bundle";
  return target.startsWith(SHARED) || CONTRACT.test(target) ? null : "only src/shared and the contracts";
}

/** Whether `from` (a file of web/src) may import `target` (an absolute path), or why not. */
function whyNot(from: string, target: string): string | null {
  if (!target.startsWith(WEB)) return whyNotServer(target);
  const source = areaOf(from);
  const dest = areaOf(target);
  if (dest === "shared") return null;
  if (source === "shared") return "shared imports no feature and not the root";
  if (dest === "root") return source === "root" ? null : "a feature does not import the root";
  if (source === dest) return isDoor(target) ? "a feature does not import its own door" : null;
  return isDoor(target) ? null : `other features through their door (features/<name>/index.ts)`;
}

/** Whether web/ may import `target` from the file `from`. */
const mayImport = (from: string, target: string) => whyNot(from, target) === null;

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"|import\("([^"]+)"\)|(?:^|\n)\s*import\s+"([^"]+)"/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
}

/** Every relative import of the console: importing file and absolute target. */
function relativeImports(files: readonly string[]): { from: string; target: string; specifier: string }[] {
  return files.flatMap((from) =>
    importsOf(from)
      .filter((specifier) => specifier.startsWith("."))
      .map((specifier) => ({ from, specifier, target: resolve(dirname(from), specifier) })),
  );
}

/** The feature → features it imports, from the imports of its files. */
function featureEdges(files: readonly string[]): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const { from, target } of relativeImports(files)) {
    const source = areaOf(from);
    const dest = areaOf(target);
    if (!target.startsWith(WEB) || !source.startsWith("feature:") || !dest.startsWith("feature:")) continue;
    if (source === dest) continue;
    edges.set(source, (edges.get(source) ?? new Set()).add(dest));
  }
  return edges;
}

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

describe("web console imports", () => {
  const files = sources(WEB);

  it("reads the console's sources (the check is not vacuous)", () => {
    assert.ok(files.length > 30, `only ${files.length} files found`);
    const contractImports = files.flatMap(importsOf).filter((s) => /src\/[a-z]+\/contracts/.test(s));
    assert.ok(contractImports.length > 5);
    const areas = new Set(files.map(areaOf));
    for (const area of ["root", "shared", ...FEATURES.map((f) => `feature:${f}`)])
      assert.ok(areas.has(area), area);
    const edges = featureEdges(files);
    assert.ok(edges.get("feature:identity")?.has("feature:finance"), "identity reads the entente of finance");
  });

  it("imports from the project only web/ itself, src/shared and the contexts' contracts", () => {
    const problems = relativeImports(files)
      .filter(({ target }) => !target.startsWith(WEB) && whyNotServer(target) !== null)
      .map(({ from, specifier }) => `${relative(ROOT, from)} imports ${specifier}`);
    assert.deepEqual(problems, []);
  });

  it("shared imports no feature; features meet through their doors; the root composes them", () => {
    const problems = relativeImports(files).flatMap(({ from, target, specifier }) => {
      const why = target.startsWith(WEB) ? whyNot(from, target) : null;
      return why === null ? [] : [`${relative(ROOT, from)} imports ${specifier}: ${why}`];
    });
    assert.deepEqual(problems, []);
  });

  it("the features depend on each other without a cycle, and access on none", () => {
    const edges = featureEdges(files);
    const cycle = findCycle(edges);
    assert.equal(cycle, null, `cycle between features: ${cycle?.join(" → ")}`);
    assert.deepEqual([...(edges.get("feature:access") ?? [])], []);
  });

  it("every feature has its door (index.ts) and a README, like web/src and web/src/shared", () => {
    const known = new Set(files);
    for (const feature of FEATURES) assert.ok(known.has(join(WEB, "features", feature, "index.ts")), feature);
    for (const folder of ["", "shared", ...FEATURES.map((f) => join("features", f))]) {
      const readme = readFileSync(join(WEB, folder, "README.md"), "utf8");
      assert.ok(readme.length > 100, `${join("web/src", folder, "README.md")} says what lives there`);
    }
  });

  it("the rule refuses what the layout forbids, and accepts the kernel, contracts and doors", () => {
    const src = join(ROOT, "src");
    const page = join(WEB, "features", "identity", "sources", "identity-sources-page.tsx");
    const shared = join(WEB, "shared", "components", "field.tsx");
    const root = join(WEB, "app.tsx");
    assert.equal(mayImport(page, join(src, "shared", "money-input.ts")), true);
    assert.equal(mayImport(page, join(src, "finance", "contracts", "api.ts")), true);
    assert.equal(mayImport(page, join(src, "identity", "contracts.ts")), true);
    assert.equal(mayImport(page, join(src, "shared", "money.ts")), false);
    assert.equal(mayImport(page, join(src, "finance", "domain", "entente.ts")), false);
    assert.equal(mayImport(page, join(src, "identity", "contracts-helpers.ts")), false);
    assert.equal(mayImport(page, join(src, "platform", "http", "build-app.ts")), false);
    assert.equal(mayImport(page, shared), true);
    assert.equal(mayImport(page, join(WEB, "features", "finance", "index.ts")), true);
    assert.equal(mayImport(page, join(WEB, "features", "finance", "entente", "entente-context.tsx")), false);
    assert.equal(mayImport(page, join(WEB, "features", "identity", "index.ts")), false);
    assert.equal(mayImport(page, join(WEB, "features", "identity", "identity-paths.ts")), true);
    assert.equal(mayImport(page, root), false);
    assert.equal(mayImport(shared, join(WEB, "features", "access", "index.ts")), false);
    assert.equal(mayImport(shared, join(WEB, "shared", "api", "api-context.ts")), true);
    assert.equal(mayImport(root, join(WEB, "features", "finance", "index.ts")), true);
    assert.equal(mayImport(root, join(WEB, "features", "finance", "budget", "budget-page.tsx")), false);
    assert.deepEqual(
      findCycle(
        new Map([
          ["a", new Set(["b"])],
          ["b", new Set(["a"])],
        ]),
      ),
      ["a", "b", "a"],
    );
  });

  it("uses only its declared libraries (no Node built-ins in the browser code)", () => {
    const allowed = /^(react|react-dom|react-dom\/client|react-router|react-i18next|i18next|recharts|zod)$/;
    const problems = files
      .filter((file) => !file.endsWith("vite.config.ts"))
      .flatMap((file) =>
        importsOf(file)
          .filter((specifier) => !specifier.startsWith(".") && !allowed.test(specifier))
          .map((specifier) => `${relative(ROOT, file)} imports ${specifier}`),
      );
    assert.deepEqual(problems, []);
  });
});
