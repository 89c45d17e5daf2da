import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { ENV_VARIABLES, envSchema } from "./config-schema.ts";
import { renderEnvironmentDocs } from "./render-environment-docs.ts";

describe("docs/environment.md", () => {
  it("is up to date with the schema (run `node scripts/generate-env-docs.ts`)", () => {
    const committed = readFileSync(new URL("../../../docs/environment.md", import.meta.url), "utf8");
    assert.equal(committed, renderEnvironmentDocs());
  });

  it("describes every variable, with its default", () => {
    const docs = renderEnvironmentDocs();
    for (const name of ENV_VARIABLES) {
      assert.ok(envSchema.shape[name].description, `${name} has no .describe()`);
      assert.match(docs, new RegExp(`^\\| \`${name}\``, "m"), name);
    }
    assert.match(docs, /^\| `PORT` \| `3000` \| integer \|/m);
    assert.match(docs, /^\| `SESSION_SECRET` \(secret\) \| — \| ≥ 32 characters \|/m);
  });
});
