// Writes schemas/entente.schema.json from the zod schema that validates entente files
// (src/contracts/entente-file.ts). A test fails when the committed file is out of date.
import { writeFile } from "node:fs/promises";
import { ententeJsonSchema } from "../src/finance/cli/schema-print.ts";

const target = new URL("../schemas/entente.schema.json", import.meta.url);
await writeFile(target, ententeJsonSchema());
process.stdout.write(`wrote ${target.pathname}\n`);
