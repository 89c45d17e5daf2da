// `npm start`: builds the web console when its sources changed (scripts/build-web.ts), then runs
// the server (src/main.ts) in this same process. In JavaScript, so that Node's compile cache is
// on before any TypeScript is read: on a restart nothing is stripped or compiled again, not even
// main.ts (which turns the cache on itself when run as `node src/main.ts`, after being read).
import { spawnSync } from "node:child_process";
import { enableCompileCache } from "node:module";
import { fileURLToPath } from "node:url";

enableCompileCache();

const { ROOT, STAMP_FILE, WEB_DIST, readStamp, whyRebuild } = await import("./build-web.ts");
const reason = whyRebuild(ROOT, WEB_DIST, readStamp(STAMP_FILE), process.env);
if (reason === null) {
  process.stderr.write("web console: web/dist is up to date with its sources, not rebuilt\n");
} else {
  process.stderr.write(`web console: building web/dist (${reason})\n`);
  // In a process of its own: Vite and its bundler stay out of the server's memory.
  const build = spawnSync(process.execPath, [fileURLToPath(new URL("./build-web.ts", import.meta.url))], {
    stdio: "inherit",
  });
  if (build.status !== 0) {
    process.stderr.write(
      `web console: the build failed (${build.error?.message ?? `status ${build.status}`})\n`,
    );
    process.exit(1);
  }
}
await import("../src/main.ts");
