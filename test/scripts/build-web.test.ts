import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import {
  type BuildStamp,
  buildConsole,
  fingerprint,
  fixedInputs,
  ROOT,
  readStamp,
  viteEnv,
  whyRebuild,
} from "../../scripts/build-web.ts";

/** A repository in miniature: what the stamp looks at, and a built console in web/dist. */
function fakeRepository(): string {
  const root = mkdtempSync(join(tmpdir(), "entente-build-web-"));
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write("web/vite.config.ts", "export default {};\n");
  write("web/tsconfig.json", "{}\n");
  write("package.json", "{}\n");
  write("package-lock.json", "{}\n");
  write("web/public/favicon.svg", "<svg/>\n");
  write("web/index.html", "<html></html>\n");
  write("web/src/main.tsx", "render();\n");
  write("src/shared/money.ts", "export const euro = 1;\n");
  write("web/dist/index.html", "<html>built</html>\n");
  return root;
}

/** The stamp a build of the fake repository would have written. */
function stampOf(root: string, env: NodeJS.ProcessEnv = {}): BuildStamp {
  const modules = ["web/index.html", "web/src/main.tsx", "src/shared/money.ts"];
  return { version: 1, inputs: fingerprint(root, [...modules, ...fixedInputs(root)]), env: viteEnv(env) };
}

describe("build-web: the console is built again only when what it was built from changed", () => {
  it("up to date: nothing to do", () => {
    const root = fakeRepository();
    assert.equal(whyRebuild(root, join(root, "web/dist"), stampOf(root), {}), null);
  });

  it("rebuilds when a source, the kernel it imports, the lock or the configuration changed", () => {
    for (const [path, text] of [
      ["web/src/main.tsx", "render(<App />);\n"],
      ["src/shared/money.ts", "export const euro = 100;\n"],
      ["package-lock.json", '{"lockfileVersion":3}\n'],
      ["web/vite.config.ts", "export default { base: '/console/' };\n"],
    ]) {
      const root = fakeRepository();
      const stamp = stampOf(root);
      writeFileSync(join(root, path as string), text as string);
      assert.equal(whyRebuild(root, join(root, "web/dist"), stamp, {}), `${path} changed`);
    }
  });

  it("rebuilds when an input is gone, a public file or a .env file appeared, or a VITE_ variable changed", () => {
    const root = fakeRepository();
    const stamp = stampOf(root);
    const dist = join(root, "web/dist");
    writeFileSync(join(root, "web/public/robots.txt"), "User-agent: *\n");
    assert.equal(whyRebuild(root, dist, stamp, {}), "web/public/robots.txt changed");
    rmSync(join(root, "web/public/robots.txt"));
    writeFileSync(join(root, "web/.env"), "VITE_TITLE=Entente\n");
    assert.equal(whyRebuild(root, dist, stamp, {}), "web/.env changed");
    rmSync(join(root, "web/.env"));
    rmSync(join(root, "src/shared/money.ts"));
    assert.equal(whyRebuild(root, dist, stamp, {}), "src/shared/money.ts changed");
    const again = fakeRepository();
    assert.equal(
      whyRebuild(again, join(again, "web/dist"), stampOf(again), { VITE_API: "x" }),
      "the VITE_* variables changed",
    );
  });

  it("builds when web/dist is missing, or there is no stamp, or an unreadable one", () => {
    const root = fakeRepository();
    const stamp = stampOf(root);
    assert.equal(whyRebuild(root, join(root, "web/dist"), null, {}), "no stamp says what it was built from");
    assert.equal(
      whyRebuild(root, join(root, "web/dist"), { ...stamp, version: 0 }, {}),
      "its stamp is from another version of this script",
    );
    rmSync(join(root, "web/dist"), { recursive: true });
    assert.equal(whyRebuild(root, join(root, "web/dist"), stamp, {}), "web/dist is not built");
    const half = join(root, "stamp.json");
    writeFileSync(half, '{"version": 1, "inp');
    assert.equal(readStamp(half), null);
    assert.equal(readStamp(join(root, "none.json")), null);
  });

  it("a real build records the files Vite loaded from the repository, and is then up to date", {
    timeout: 180_000,
  }, async () => {
    const out = mkdtempSync(join(tmpdir(), "entente-build-web-out-"));
    const outDir = join(out, "dist");
    const stampPath = join(out, "dist.stamp.json");
    const stamp = await buildConsole({ outDir, stampPath });
    const inputs = Object.keys(stamp.inputs);
    for (const expected of [
      "web/index.html",
      "web/src/main.tsx",
      "web/src/styles.css",
      "package-lock.json",
      "web/vite.config.ts",
    ])
      assert.ok(inputs.includes(expected), `${expected} in ${inputs.join(", ")}`);
    assert.ok(
      inputs.some((path) => path.startsWith("src/shared/")),
      "the kernel the console imports",
    );
    assert.ok(!inputs.some((path) => path.includes("node_modules")), "libraries go by package-lock.json");
    assert.deepEqual(readStamp(stampPath), stamp);
    assert.equal(whyRebuild(ROOT, outDir, stamp, process.env), null);
    rmSync(out, { recursive: true, force: true });
  });
});
