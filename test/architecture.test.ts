import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/**
 * The dependency direction of STYLE.md ("Layout"), read from the imports of every source file
 * under src/. Test files (`*.test.ts`) are left out: a test may build its fixtures with any
 * layer (the golden test of the domain reads the example with the file reader).
 */

const SRC = fileURLToPath(new URL("../src/", import.meta.url));

/** Top folders of src/ and the top folders each may import from (its own is always allowed). */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  domain: [],
  app: ["domain"],
  contracts: [],
  formats: ["domain", "contracts"],
  // The CLI administers too (import, accounts): it opens the database like main.ts does.
  cli: ["app", "contracts", "formats", "domain", "config", "db", "identity"],
  // The environment's schema and loadConfig; the config.invalid error comes from the catalog.
  config: ["domain"],
  // The HTTP server: use cases, their contracts, domain errors (status table), the Config type.
  // http renders downloads with formats (the same documents as the CLI).
  http: ["app", "contracts", "domain", "config", "formats"],
  // Layers of STYLE.md not written yet; listed so that they start with the right rule.
  db: ["app", "domain"],
  identity: ["app", "domain"],
};

/**
 * Entry points (composition roots) that may import any layer, the CLI included: src/main.ts
 * (the server) and src/cli/main.ts (the command line).
 */
const ENTRY_POINT = "main.ts";
/** Root files that compose layers (the composition root's parts); they may import any layer but the CLI. */
const COMPOSITION_FILES = new Set(["compose-console.ts", "compose-identity.ts"]);

interface Import {
  readonly from: string; // file, relative to src/, with "/" separators
  readonly specifier: string;
  readonly target: string | null; // resolved file relative to src/, or null for a package
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

const toPosix = (path: string) => path.split(sep).join("/");

/** Every static, type-only, re-export and dynamic import of a file (TypeScript's own scanner). */
function importsOf(file: string): Import[] {
  const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return info.importedFiles.map(({ fileName: specifier }) => {
    const relativeImport = specifier.startsWith("./") || specifier.startsWith("../");
    return {
      from: toPosix(relative(SRC, file)),
      specifier,
      target: relativeImport ? toPosix(relative(SRC, resolve(dirname(file), specifier))) : null,
    };
  });
}

/** `domain` for `domain/money.ts`; `(root)` for `main.ts`; `(outside src)` for `../x`. */
function layerOf(pathInSrc: string): string {
  if (pathInSrc.startsWith("../")) return "(outside src)";
  const parts = pathInSrc.split("/");
  return parts.length === 1 ? "(root)" : (parts[0] ?? "");
}

const isEntryPoint = (pathInSrc: string) => pathInSrc.split("/").at(-1) === ENTRY_POINT;

/** Why an import breaks the dependency direction, or null when it is allowed. */
function violation(imp: Import): string | null {
  if (imp.target === null) {
    // Packages: the domain stays pure (STYLE.md: no I/O, no clock, no framework).
    if (layerOf(imp.from) === "domain" && imp.specifier.startsWith("node:")) {
      return "the domain does no I/O: no node: modules";
    }
    return null;
  }
  const from = layerOf(imp.from);
  const to = layerOf(imp.target);
  if (to === "cli" && from !== "cli" && !isEntryPoint(imp.from)) {
    return "only main.ts entry points may import from cli";
  }
  if (from === "(root)") {
    if (COMPOSITION_FILES.has(imp.from))
      return to === "cli" ? "composition files do not import the CLI" : null;
    return isEntryPoint(imp.from)
      ? null
      : `files at the root of src/ other than ${ENTRY_POINT} are not a layer`;
  }
  const allowed = ALLOWED[from];
  if (allowed === undefined) return `unknown layer "${from}": add it to ALLOWED with its rule (STYLE.md)`;
  if (to === from || allowed.includes(to)) return null;
  return `${from} may import ${allowed.length > 0 ? allowed.join(", ") : "nothing of ours"}, not ${to}`;
}

describe("architecture: dependency direction of src/", () => {
  const files = sourceFiles(SRC);
  const imports = files.flatMap(importsOf);

  it("reads the sources and their imports (the check is not vacuous)", () => {
    const layers = new Set(files.map((f) => layerOf(toPosix(relative(SRC, f)))));
    for (const layer of ["domain", "contracts", "formats", "config", "http", "(root)"]) {
      assert.ok(layers.has(layer), layer);
    }
    const compute = imports.filter((i) => i.from === "domain/compute-budget-report.ts").map((i) => i.target);
    assert.ok(compute.includes("domain/allocate-largest-remainder.ts"), JSON.stringify(compute));
    const reader = imports.filter((i) => i.from === "formats/read-entente-file.ts").map((i) => i.target);
    assert.ok(reader.includes("contracts/entente-file.ts"), JSON.stringify(reader));
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

  it("every import follows the layers: domain ← app, contracts ← formats ← cli", () => {
    const problems = imports.flatMap((imp) => {
      const why = violation(imp);
      return why === null ? [] : [`${imp.from} imports ${imp.specifier}: ${why}`];
    });
    assert.deepEqual(problems, []);
  });

  it("the rules themselves reject what STYLE.md forbids", () => {
    const check = (from: string, target: string | null, specifier = target ?? "") =>
      violation({ from, specifier, target });
    assert.equal(check("domain/money.ts", "domain/errors.ts"), null);
    assert.notEqual(check("domain/money.ts", "formats/read-entente-file.ts"), null);
    assert.notEqual(check("domain/money.ts", "contracts/entente-file.ts"), null);
    assert.notEqual(check("domain/money.ts", null, "node:fs"), null);
    assert.equal(check("domain/money.ts", null, "decimal.js"), null);
    assert.equal(check("app/compute-budget.ts", "domain/entente.ts"), null);
    assert.notEqual(check("app/compute-budget.ts", "formats/read-entente-file.ts"), null);
    assert.notEqual(check("contracts/entente-file.ts", "domain/entente.ts"), null);
    assert.equal(check("formats/read-entente-file.ts", "contracts/entente-file.ts"), null);
    assert.notEqual(check("formats/render-text.ts", "app/compute-budget.ts"), null);
    assert.notEqual(check("formats/render-text.ts", "cli/main.ts"), null);
    assert.equal(check("cli/commands/budget-export.ts", "formats/render-text.ts"), null);
    assert.equal(check("cli/main.ts", "cli/commands/budget-export.ts"), null);
    assert.notEqual(check("app/compute-budget.ts", "cli/report-error.ts"), null);
    assert.equal(check("main.ts", "cli/main.ts"), null);
    assert.notEqual(check("helpers.ts", "domain/money.ts"), null);
    assert.notEqual(check("reports/x.ts", "domain/money.ts"), null);
    // config → domain only
    assert.equal(check("config/load-config.ts", "domain/errors.ts"), null);
    assert.equal(check("config/load-config.ts", null, "zod"), null);
    assert.notEqual(check("config/load-config.ts", "http/build-app.ts"), null);
    assert.notEqual(check("config/load-config.ts", "app/compute-budget.ts"), null);
    assert.notEqual(check("config/load-config.ts", "contracts/api.ts"), null);
    // http → app, contracts, domain, config
    assert.equal(check("http/build-app.ts", "config/load-config.ts"), null);
    assert.equal(check("http/error-handler.ts", "domain/errors.ts"), null);
    assert.equal(check("http/routes/health.ts", "contracts/health.ts"), null);
    assert.equal(check("http/routes/budget.ts", "app/compute-budget.ts"), null);
    assert.notEqual(check("http/build-app.ts", "db/open-database.ts"), null);
    assert.equal(check("http/routes/budget-routes.ts", "formats/render-json.ts"), null);
    assert.notEqual(check("http/build-app.ts", "db/open-database.ts"), null);
    assert.notEqual(check("http/build-app.ts", "cli/report-error.ts"), null);
    assert.notEqual(check("http/build-app.ts", "main.ts"), null);
    assert.notEqual(check("domain/money.ts", "config/load-config.ts"), null);
    assert.notEqual(check("app/compute-budget.ts", "http/build-app.ts"), null);
    // main.ts, the composition root, may import every layer
    for (const target of [
      "config/load-config.ts",
      "http/build-app.ts",
      "db/open-database.ts",
      "cli/report-error.ts",
    ]) {
      assert.equal(check("main.ts", target), null, target);
    }
  });
});
