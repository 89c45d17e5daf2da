import { z } from "zod";
import { EntenteFile } from "../contracts/entente-file.ts";

/** The JSON Schema (draft 2020-12) of the entente file, generated from the zod schema that validates it. */
export function ententeJsonSchema(): string {
  const schema = z.toJSONSchema(EntenteFile, {
    io: "input",
    target: "draft-2020-12",
    unrepresentable: "any",
  });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
