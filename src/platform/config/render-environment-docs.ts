import { z } from "zod";
import { ENV_VARIABLES, envSchema, SECRET_VARIABLES } from "./config-schema.ts";

interface PropertySchema {
  readonly description?: string;
  readonly default?: unknown;
  readonly enum?: readonly unknown[];
  readonly format?: string;
  readonly pattern?: string;
  readonly minLength?: number;
}

/**
 * The text of `docs/environment.md`, generated from `envSchema` (descriptions, defaults, allowed
 * values): the docs cannot drift from what `loadConfig` checks. Written by
 * `node scripts/generate-env-docs.ts`; a test fails when the committed file differs.
 */
export function renderEnvironmentDocs(): string {
  const json = z.toJSONSchema(envSchema, { io: "input", unrepresentable: "any" }) as {
    properties: Record<string, PropertySchema>;
  };
  const rows = ENV_VARIABLES.map((name) => {
    const property = json.properties[name] ?? {};
    const cells = [
      `\`${name}\`${SECRET_VARIABLES.has(name) ? " (secret)" : ""}`,
      property.default === undefined ? "—" : `\`${String(property.default)}\``,
      allowedValues(property),
      property.description ?? "",
    ];
    return `| ${cells.map((cell) => cell.replaceAll("|", "\\|")).join(" | ")} |`;
  });
  return [
    "# Environment variables",
    "",
    "<!-- Generated from src/config/config-schema.ts by `node scripts/generate-env-docs.ts`: do not edit by hand. -->",
    "",
    "Entente reads its configuration from these environment variables once, at start",
    "(`src/config/load-config.ts`). An empty value counts as unset. When any is wrong, the server",
    "does not start and lists every bad variable at once (error `config.invalid`); values of",
    "secrets are never printed.",
    "",
    "| variable | default | allowed values | meaning |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}

function allowedValues(property: PropertySchema): string {
  if (property.enum !== undefined) return property.enum.map((value) => `\`${String(value)}\``).join(", ");
  if (property.format === "uri") return "URL";
  if (property.pattern !== undefined) return "integer";
  if (property.minLength !== undefined && property.minLength > 1) return `≥ ${property.minLength} characters`;
  return "text";
}
