import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { it } from "node:test";
import { httpProblemCatalog } from "./problem-messages.ts";

it("every code of the HTTP layer is documented in docs/errors.md", () => {
  const docs = readFileSync(new URL("../../../docs/errors.md", import.meta.url), "utf8");
  for (const code of Object.keys(httpProblemCatalog))
    assert.match(docs, new RegExp(`\`${code.replace(".", "\\.")}\``), code);
});
