#!/usr/bin/env node
// Entry point of the `entente` command. Entente runs on Node.js 24 (TypeScript type stripping);
// npm scripts and `npx entente` use the Node 24 pinned in node_modules (the `node` package).
const major = Number(process.versions.node.split(".")[0]);
if (major < 24) {
  process.stderr.write(
    `entente needs Node.js 24 or later (this is ${process.version}). Run it through npm, which uses the pinned Node 24:\n` +
      "  npx entente …   or   npm run entente -- …\n",
  );
  process.exit(2);
}
// Node's compile cache on before any TypeScript is read (as scripts/start.js does for the server):
// a later run neither strips nor compiles the CLI's modules again (~0.3 s of CPU, bench/).
const { enableCompileCache } = await import("node:module");
enableCompileCache();
const { runCliProcess } = await import("../src/cli.ts");
await runCliProcess();
