// Builds the web console into web/dist with Vite and records what the build was made of in a
// stamp next to it, web/dist.stamp.json: every file Vite loaded from the repository (web/src,
// web/index.html, the kernel and the contracts it imports from src/), its configuration, the
// dependencies' lock and the public folder, each with its SHA-256, and the VITE_* variables.
//   node scripts/build-web.ts               build (npm run build:web)
//   node scripts/build-web.ts --if-changed  build only when web/dist is missing or one of those
//                                           changed since (npm start, scripts/test.sh)
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL("../", import.meta.url));
/** Where `npm start` serves the console from (web/vite.config.ts: root web/, outDir dist). */
export const WEB_DIST = join(ROOT, "web/dist");
export const STAMP_FILE = join(ROOT, "web/dist.stamp.json");
/** Changes when the stamp's shape does: an older stamp then means a rebuild. */
const STAMP_VERSION = 1;

/** What a build of the console was made of. */
export interface BuildStamp {
  readonly version: number;
  /** Path relative to the root, with "/" → SHA-256 of its content. */
  readonly inputs: Readonly<Record<string, string>>;
  /** The VITE_* variables of the build's environment (Vite puts them in the bundle). */
  readonly env: Readonly<Record<string, string>>;
}

/** Files that shape every build besides the modules Vite loads: configuration, lock, public files. */
export function fixedInputs(root: string): string[] {
  const files = (dir: string): string[] =>
    existsSync(join(root, dir))
      ? readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
          .filter((entry) => entry.isFile())
          .map((entry) => toPosix(relative(root, join(entry.parentPath, entry.name))))
      : [];
  const envFiles = readdirSync(join(root, "web")).filter((name) => name.startsWith(".env"));
  return [
    "web/vite.config.ts",
    "web/tsconfig.json",
    "package.json",
    "package-lock.json",
    ...envFiles.map((name) => `web/${name}`),
    ...files("web/public"),
  ].sort();
}

/** The SHA-256 of each file (relative to `root`); "missing" for a file that is not there. */
export function fingerprint(root: string, paths: Iterable<string>): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const path of [...new Set(paths)].sort()) {
    const file = join(root, path);
    hashes[path] = existsSync(file)
      ? createHash("sha256").update(readFileSync(file)).digest("hex")
      : "missing";
  }
  return hashes;
}

/** The variables Vite exposes to the console's code (VITE_*). */
export function viteEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env)
      .filter((entry): entry is [string, string] => entry[0].startsWith("VITE_") && entry[1] !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/**
 * Why the console in `outDir` must be built again, or null when it was built from the files and
 * variables as they are now.
 */
export function whyRebuild(
  root: string,
  outDir: string,
  stamp: BuildStamp | null,
  env: NodeJS.ProcessEnv,
): string | null {
  if (!existsSync(join(outDir, "index.html"))) return `${toPosix(relative(root, outDir))} is not built`;
  if (stamp === null) return "no stamp says what it was built from";
  if (stamp.version !== STAMP_VERSION) return "its stamp is from another version of this script";
  const paths = new Set([...Object.keys(stamp.inputs), ...fixedInputs(root)]);
  const now = fingerprint(root, paths);
  const changed = [...paths].filter((path) => stamp.inputs[path] !== now[path]);
  if (changed.length > 0)
    return `${changed.slice(0, 3).join(", ")}${changed.length > 3 ? ", …" : ""} changed`;
  if (JSON.stringify(stamp.env) !== JSON.stringify(viteEnv(env))) return "the VITE_* variables changed";
  return null;
}

/** The stamp at `path`, null when there is none or it cannot be read as one. */
export function readStamp(path: string): BuildStamp | null {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as BuildStamp;
  } catch (error) {
    if (error instanceof SyntaxError) return null; // half written by a stopped build: build again
    throw error;
  }
}

/**
 * Builds the console with Vite (web/vite.config.ts) into `outDir`, then writes its stamp to
 * `stampPath` (whole, then renamed). Vite's own errors are thrown as they are.
 */
export async function buildConsole(
  options: { readonly outDir?: string; readonly stampPath?: string } = {},
): Promise<BuildStamp> {
  const { build } = await import("vite");
  const loaded = new Set<string>();
  await build({
    configFile: join(ROOT, "web/vite.config.ts"),
    logLevel: "warn",
    ...(options.outDir === undefined ? {} : { build: { outDir: options.outDir, emptyOutDir: true } }),
    plugins: [
      {
        name: "entente:record-inputs",
        buildEnd() {
          for (const id of this.getModuleIds()) loaded.add(id.split("?")[0] ?? id);
        },
      },
    ],
  });
  const fromRepository = [...loaded].filter(
    (id) => id.startsWith(ROOT) && !id.includes(`${sep}node_modules${sep}`),
  );
  const stamp: BuildStamp = {
    version: STAMP_VERSION,
    inputs: fingerprint(ROOT, [
      ...fromRepository.map((id) => toPosix(relative(ROOT, id))),
      ...fixedInputs(ROOT),
    ]),
    env: viteEnv(process.env),
  };
  const stampPath = options.stampPath ?? STAMP_FILE;
  writeFileSync(`${stampPath}.partial`, `${JSON.stringify(stamp, null, 2)}\n`);
  renameSync(`${stampPath}.partial`, stampPath);
  return stamp;
}

function toPosix(path: string): string {
  return path.split(sep).join("/");
}

async function main(): Promise<void> {
  if (process.argv.includes("--if-changed")) {
    const reason = whyRebuild(ROOT, WEB_DIST, readStamp(STAMP_FILE), process.env);
    if (reason === null) {
      process.stderr.write("web console: web/dist is up to date with its sources, not rebuilt\n");
      return;
    }
    process.stderr.write(`web console: building web/dist (${reason})\n`);
  }
  await buildConsole();
}

if (import.meta.main) await main();
