import type { FastifySchemaValidationError } from "fastify";
import { z } from "zod";
import type { ProblemFieldError } from "../../shared/problem.ts";
import type { Lang } from "../errors.ts";
import { formatHttpProblemMessage } from "./problem-messages.ts";

/** Part of the request a validation error is about, as Fastify names it. */
export type ValidationContext = "body" | "querystring" | "params" | "headers";

const PREFIX: Readonly<Record<ValidationContext, string>> = {
  body: "body",
  querystring: "query",
  params: "params",
  headers: "headers",
};

const LOCALES: Readonly<Record<Lang, ReturnType<typeof z.locales.en>>> = {
  fr: z.locales.fr(),
  en: z.locales.en(),
};

/**
 * Turns the validation errors of one request part into problem `errors`: the field
 * (`body.members[0].name`, `query.year`) and why, in `lang`.
 *
 * zod wrote its messages in its default language (English), without the value it received.
 * The message is rendered again with zod's own locale for `lang`, from the issue and the value
 * read back from the request. A message a schema wrote itself (`.regex(re, { message })`) is not
 * zod's: it is kept as written. A part missing altogether (no JSON body: `null`) is described by
 * the fields `schema` (the route's zod schema of that part, when an object) requires, so that
 * the caller learns what to send rather than "expected object, received null".
 */
export function describeValidationErrors(
  errors: readonly FastifySchemaValidationError[],
  context: ValidationContext,
  source: unknown,
  lang: Lang,
  schema?: unknown,
): ProblemFieldError[] {
  return errors.flatMap((error) => {
    // fastify-type-provider-zod joins the zod path with "/" (no JSON Pointer escaping).
    const path = error.instancePath
      .split("/")
      .filter((segment) => segment !== "")
      .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
    const entry = (
      code: "request.invalid_field" | "request.unknown_field",
      fieldPath: readonly (string | number)[],
      reason = "",
    ): ProblemFieldError => {
      const field = formatField([PREFIX[context], ...fieldPath]);
      return { code, field, message: formatHttpProblemMessage(code, { field, reason }, lang) };
    };
    const unknownKeys = error.keyword === "unrecognized_keys" ? error.params.keys : undefined;
    if (Array.isArray(unknownKeys)) {
      // One entry per unknown key, named by its own path, so that a form can point at it.
      return unknownKeys.map((key) => entry("request.unknown_field", [...path, String(key)]));
    }
    const input = valueAt(source, path);
    const missing =
      path.length === 0 && (input === null || input === undefined) ? missingPart(schema, lang) : undefined;
    return [entry("request.invalid_field", path, missing ?? localizeMessage(error, path, input, lang))];
  });
}

function localizeMessage(
  error: FastifySchemaValidationError,
  path: readonly (string | number)[],
  input: unknown,
  lang: Lang,
): string {
  const written = error.message ?? "";
  const render = (target: Lang, value: unknown): string | undefined => {
    const issue = { ...error.params, code: error.keyword, path, input: value, message: written };
    try {
      // The issue is rebuilt from a zod issue: the shape the locale expects.
      const result = LOCALES[target].localeError(
        issue as unknown as Parameters<typeof LOCALES.en.localeError>[0],
      );
      return typeof result === "string" ? result : result?.message;
    } catch {
      return undefined; // not a zod issue (another validator): keep its message
    }
  };
  // A coerced query or path value (`?year=abc`) reached zod as NaN, not as the text read back.
  const inputs = typeof input === "string" ? [input, Number(input)] : [input];
  const index = inputs.findIndex(
    (value) => written !== "" && (render("en", value) === written || render("fr", value) === written),
  );
  return (index === -1 ? undefined : render(lang, inputs[index])) ?? written;
}

/** "objet JSON attendu avec les champs : reason (obligatoire)", from the part's zod object schema. */
function missingPart(schema: unknown, lang: Lang): string | undefined {
  if (!(schema instanceof z.ZodObject)) return undefined;
  const fields = Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const optional = field.safeParse(undefined).success;
    if (lang === "fr") return `${name} (${optional ? "facultatif" : "obligatoire"})`;
    return `${name} (${optional ? "optional" : "required"})`;
  });
  return lang === "fr"
    ? `absent ; un objet JSON est attendu avec les champs : ${fields.join(", ")}`
    : `missing; a JSON object is expected with the fields: ${fields.join(", ")}`;
}

/** `["body", "members", 0, "name"]` → `body.members[0].name` (the CLI's notation). */
export function formatField(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (text, segment) =>
      typeof segment === "number" ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment,
    "",
  );
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
