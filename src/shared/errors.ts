/**
 * The error type of Entente and the machinery of its error codes (`area.reason`).
 *
 * Each context defines its own codes in its `errors.ts` with `defineErrors`: for each code, the
 * HTTP status it answers with and a French and an English message that says what is wrong and
 * what to do. Messages receive `details` (strings and numbers only, already formatted for
 * display). The context declares its codes in `ErrorCodes` (declaration merging), so that an
 * unknown code does not compile, and registers them at load, so that any error can be rendered.
 * `docs/errors.md` documents every code; test/error-catalog.test.ts fails when one is missing.
 */

/** A text given in both languages of Entente (French first). */
export interface Localized {
  readonly fr: string;
  readonly en: string;
}

/** Builds a `Localized` text. */
export const localized = (fr: string, en: string): Localized => ({ fr, en });

/** Details of an error: display-ready values, possibly in both languages. */
export type ErrorDetails = Readonly<Record<string, string | number | Localized>>;

type Message = (d: Readonly<Record<string, string | number>>) => string;

export type Lang = "fr" | "en";

/** The statuses an Entente error may answer with. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 502 | 503;

/**
 * One code of a context's catalog. 422: the request is well-formed but what it asks breaks a
 * rule; 404: the thing named does not exist; 409: the state of the data forbids it now; 5xx: a
 * fault of the server (the answer then shows the code but none of the details).
 */
export interface ErrorDefinition {
  readonly status: ErrorStatus;
  readonly fr: Message;
  readonly en: Message;
}

/**
 * The codes of every context, declared by each `errors.ts` through declaration merging:
 * `declare module "../shared/errors.ts" { interface ErrorCodes extends Record<…, true> {} }`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by each context's errors.ts (declaration merging).
export interface ErrorCodes {}

/** A code of one of the contexts' catalogs. */
export type ErrorCode = keyof ErrorCodes & string;

const registry = new Map<string, ErrorDefinition>();

/**
 * Defines and registers a context's catalog. Throws at load when a code is defined twice (two
 * contexts claiming the same code), is not shaped `area.reason` or has no status.
 * @example defineErrors({ "budget.unbalanced": { status: 422, fr: (d) => `…${d.year}`, en: (d) => `…${d.year}` } })
 */
export function defineErrors<const C extends Readonly<Record<string, ErrorDefinition>>>(catalog: C): C {
  for (const [code, definition] of Object.entries(catalog)) {
    if (!/^[a-z_]+\.[a-z0-9_]+$/.test(code))
      throw new Error(`error code "${code}" is not shaped area.reason`);
    if (typeof definition.status !== "number") throw new Error(`error code "${code}" has no HTTP status`);
    const known = registry.get(code);
    if (known !== undefined && known !== definition) throw new Error(`error code "${code}" is defined twice`);
    registry.set(code, definition);
  }
  return catalog;
}

/** Every code of the catalogs loaded so far, with its definition (for docs and tests). */
export function loadedErrorCatalog(): ReadonlyMap<string, ErrorDefinition> {
  return registry;
}

/** One problem found in user input; `path` points into the entente file (e.g. `["keys", 0, "percent"]`). */
export interface Issue {
  readonly code: ErrorCode;
  readonly path: readonly (string | number)[];
  readonly details: ErrorDetails;
  /** Another place the issue refers to (the first of two duplicates), same form as `path`. */
  readonly related?: readonly (string | number)[];
}

/**
 * Renders the message of an issue or error code in the given language. A code whose catalog was
 * not loaded (only possible in a test that imports none of its context) renders as the code.
 */
export function formatMessage(code: ErrorCode, details: ErrorDetails, lang: Lang = "fr"): string {
  const definition = registry.get(code);
  if (definition === undefined) return code;
  const resolved = Object.fromEntries(
    Object.entries(details).map(([k, v]) => [k, typeof v === "object" ? v[lang] : v]),
  );
  return definition[lang](resolved);
}

/** The HTTP status of a code (500 for a code no loaded catalog defines). */
export function statusOf(code: ErrorCode): ErrorStatus {
  return registry.get(code)?.status ?? 500;
}

/**
 * The application error: a code from the catalog, display-ready details, optional file path
 * and `cause`. User mistakes are thrown as `EntenteError`s and printed without a stack trace.
 * A `ValidationError` carries every issue found at once.
 */
export class EntenteError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;
  readonly path: readonly (string | number)[];

  constructor(
    code: ErrorCode,
    details: ErrorDetails = {},
    options: { path?: readonly (string | number)[]; cause?: unknown } = {},
  ) {
    super(formatMessage(code, details, "en"), options.cause === undefined ? {} : { cause: options.cause });
    this.name = "EntenteError";
    this.code = code;
    this.details = details;
    this.path = options.path ?? [];
  }
}

/** Every issue found in one input; thrown so that callers report them all at once. */
export class ValidationError extends Error {
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[]) {
    super(`${issues.length} problem(s) in the entente: ${issues.map((i) => i.code).join(", ")}`);
    this.name = "ValidationError";
    this.issues = issues;
  }
}

/** Throws an `EntenteError` with `code` when `condition` is false (business-rule guard). */
export function ensure(condition: unknown, code: ErrorCode, details: ErrorDetails = {}): asserts condition {
  if (!condition) throw new EntenteError(code, details);
}
