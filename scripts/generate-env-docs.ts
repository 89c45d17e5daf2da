// Writes docs/environment.md from the zod schema of the environment (src/config/config-schema.ts).
// A test fails when the committed file is out of date.
import { writeFile } from "node:fs/promises";
import { renderEnvironmentDocs } from "../src/platform/config/render-environment-docs.ts";

const target = new URL("../docs/environment.md", import.meta.url);
await writeFile(target, renderEnvironmentDocs());
process.stdout.write(`wrote ${target.pathname}\n`);
