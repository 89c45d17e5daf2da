import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

/**
 * The console imports of the server's code only the pure kernel (src/shared: money, rates, the
 * shapes every API shares) and each context's contracts (`src/<context>/contracts.ts` or
 * `contracts/`: zod schemas shared with the server), never a domain, a use case or an adapter:
 * what it knows of the server is the API. Read from the import statements of every file of web/src.
 */
const WEB = fileURLToPath(new URL("./", import.meta.url));
const ROOT = resolve(WEB, "../..");
const SHARED = join(ROOT, "src", "shared") + sep;
const CONTRACT = new RegExp(`^${escapeRegExp(join(ROOT, "src"))}/[a-z]+/contracts(\\.ts$|/)`);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whether web/ may import `target` (an absolute path): itself, the kernel, a context's contracts. */
function mayImport(target: string): boolean {
  return target.startsWith(WEB) || target.startsWith(SHARED) || CONTRACT.test(target);
}

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

describe("web console imports", () => {
  const files = sources(WEB);

  it("reads the console's sources (the check is not vacuous)", () => {
    assert.ok(files.length > 30, `only ${files.length} files found`);
    const contractImports = files.flatMap(importsOf).filter((s) => /src\/[a-z]+\/contracts/.test(s));
    assert.ok(contractImports.length > 5);
  });

  it("imports from the project only web/ itself, src/shared and the contexts' contracts", () => {
    const problems = files.flatMap((file) =>
      importsOf(file)
        .filter((specifier) => specifier.startsWith("."))
        .map((specifier) => ({ specifier, target: resolve(dirname(file), specifier) }))
        .filter(({ target }) => !mayImport(target))
        .map(({ specifier }) => `${relative(ROOT, file)} imports ${specifier}`),
    );
    assert.deepEqual(problems, []);
  });

  it("the rule refuses a domain, a use case or an adapter, and accepts the kernel and contracts", () => {
    const src = join(ROOT, "src");
    assert.equal(mayImport(join(src, "shared", "money.ts")), true);
    assert.equal(mayImport(join(src, "finance", "contracts", "api.ts")), true);
    assert.equal(mayImport(join(src, "identity", "contracts.ts")), true);
    assert.equal(mayImport(join(src, "finance", "domain", "entente.ts")), false);
    assert.equal(mayImport(join(src, "identity", "contracts-helpers.ts")), false);
    assert.equal(mayImport(join(src, "platform", "http", "build-app.ts")), false);
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
