import type { FastifyReply, FastifyRequest, FastifySchemaValidationError } from "fastify";
import type { Problem, ProblemFieldError } from "../../shared/problem.ts";
import {
  EntenteError,
  type ErrorCode,
  formatMessage,
  type Lang,
  statusOf,
  ValidationError,
} from "../errors.ts";
import {
  describeValidationErrors,
  formatField,
  type ValidationContext,
} from "./describe-validation-errors.ts";
import { negotiateLanguage } from "./negotiate-language.ts";
import {
  formatHttpProblemMessage,
  frameworkReason,
  type HttpProblemCode,
  statusTitle,
} from "./problem-messages.ts";

/** Media type of every error answer (RFC 9457). */
export const PROBLEM_CONTENT_TYPE = "application/problem+json; charset=utf-8";

interface Answer {
  readonly status: number;
  readonly code: ErrorCode | HttpProblemCode;
  readonly detail: string;
  readonly errors: readonly ProblemFieldError[];
}

/**
 * Fastify's error handler: answers every error as problem+json, in the language of
 * `Accept-Language` (French by default).
 *
 * - `ValidationError` → 422 `request.unprocessable`, one entry of `errors` per issue;
 * - `EntenteError` → the status of its code (`statusOf`, from its catalog), the catalog's message;
 * - a request that does not match its zod schema → 400 `request.invalid`, one entry per field;
 * - another client error of Fastify or a plugin (bad JSON, body too large…) → its 4xx status,
 *   `request.rejected`;
 * - anything else, a reply that does not match its response schema included → 500
 *   `server.internal`, with the request id and nothing of the error; logged with its stack.
 *   An `EntenteError` whose status is 5xx keeps its code but shows no details either.
 */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const lang = negotiateLanguage(request.headers["accept-language"]);
  const answer = toAnswer(error, request, lang);
  if (answer.status >= 500) {
    request.log.error({ err: error, code: answer.code }, "request failed with an internal error");
  } else {
    request.log.info({ code: answer.code, status: answer.status }, "request answered with a problem");
  }
  return sendProblem(request, reply, answer, lang);
}

/** Fastify's not-found handler: 404 `route.not_found` as problem+json. */
export function handleNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const lang = negotiateLanguage(request.headers["accept-language"]);
  const details = { method: request.method, path: pathOf(request.url).slice(0, 200) };
  const detail = formatHttpProblemMessage("route.not_found", details, lang);
  return sendProblem(request, reply, { status: 404, code: "route.not_found", detail, errors: [] }, lang);
}

function toAnswer(error: unknown, request: FastifyRequest, lang: Lang): Answer {
  // The database cannot be reached (stopped, restarting, network cut): 503, retry later. The
  // connection pool opens new connections once it is back, so the server recovers by itself.
  if (isDatabaseUnavailable(error)) {
    return toAnswer(
      new EntenteError(
        "db.unavailable",
        { reason: String((error as { code?: unknown }).code) },
        { cause: error },
      ),
      request,
      lang,
    );
  }
  // @fastify/csrf-protection answers with its own errors (FST_CSRF_*): one code of ours.
  if (error instanceof Error && "code" in error && String(error.code).startsWith("FST_CSRF")) {
    return toAnswer(new EntenteError("auth.csrf", {}, { cause: error }), request, lang);
  }
  if (error instanceof ValidationError) {
    const errors = error.issues.map((issue) => ({
      code: issue.code,
      field: formatField(issue.path),
      message: formatMessage(issue.code, issue.details, lang),
    }));
    // A read (GET) sent no data: its problems are in what is stored, and nothing was to be saved.
    const read = request.method === "GET" || request.method === "HEAD";
    const detail = formatHttpProblemMessage(
      read ? "request.unprocessable_read" : "request.unprocessable",
      { count: errors.length },
      lang,
    );
    return { status: 422, code: "request.unprocessable", detail, errors };
  }
  if (error instanceof EntenteError) {
    const status = statusOf(error.code);
    if (status >= 500) return internal(request, lang, status, error.code);
    const detail = formatMessage(error.code, error.details, lang);
    const errors =
      error.path.length === 0 ? [] : [{ code: error.code, field: formatField(error.path), message: detail }];
    return { status, code: error.code, detail, errors };
  }
  const validation = requestValidation(error);
  if (validation !== undefined) {
    const errors = describeValidationErrors(
      validation.errors,
      validation.context,
      requestPart(request, validation.context),
      lang,
      partSchema(request, validation.context),
    );
    const detail = formatHttpProblemMessage("request.invalid", { count: errors.length }, lang);
    return { status: 400, code: "request.invalid", detail, errors };
  }
  const status = statusOfFrameworkError(error);
  if (status !== undefined && status >= 400 && status < 500 && error instanceof Error) {
    const contentType = String(request.headers["content-type"] ?? "");
    const reason = frameworkReason(error, status, lang, contentType);
    const detail = formatHttpProblemMessage("request.rejected", { reason }, lang);
    return { status, code: "request.rejected", detail, errors: [] };
  }
  return internal(request, lang, status !== undefined && status >= 500 && status < 600 ? status : 500);
}

function internal(request: FastifyRequest, lang: Lang, status: number, code?: ErrorCode): Answer {
  const detail = formatHttpProblemMessage("server.internal", { requestId: request.id }, lang);
  return { status, code: code ?? "server.internal", detail, errors: [] };
}

function sendProblem(request: FastifyRequest, reply: FastifyReply, answer: Answer, lang: Lang): FastifyReply {
  const problem: Problem = {
    type: `urn:entente:error:${answer.code}`,
    title: statusTitle(answer.status, lang),
    status: answer.status,
    detail: answer.detail,
    instance: pathOf(request.url),
    code: answer.code,
    errors: [...answer.errors],
  };
  return reply.code(answer.status).type(PROBLEM_CONTENT_TYPE).header("content-language", lang).send(problem);
}

/** The errors of a request that failed its schema (Fastify sets `validation` and its context). */
function requestValidation(
  error: unknown,
): { errors: readonly FastifySchemaValidationError[]; context: ValidationContext } | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { validation, validationContext } = error as {
    validation?: unknown;
    validationContext?: unknown;
  };
  if (!Array.isArray(validation) || validation.length === 0) return undefined;
  const context =
    validationContext === "querystring" || validationContext === "params" || validationContext === "headers"
      ? validationContext
      : "body";
  return { errors: validation as FastifySchemaValidationError[], context };
}

/** The route's zod schema of a request part (`body`, `querystring`…), when it declares one. */
function partSchema(request: FastifyRequest, context: ValidationContext): unknown {
  const schema = request.routeOptions.schema as Record<string, unknown> | undefined;
  return schema?.[context];
}

function requestPart(request: FastifyRequest, context: ValidationContext): unknown {
  switch (context) {
    case "body":
      return request.body;
    case "querystring":
      return request.query;
    case "params":
      return request.params;
    case "headers":
      return request.headers;
  }
}

function statusOfFrameworkError(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { statusCode } = error as { statusCode?: unknown };
  return typeof statusCode === "number" && Number.isInteger(statusCode) ? statusCode : undefined;
}

function pathOf(url: string): string {
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

// Connection errors of node-postgres / PGlite: refused, reset, and PostgreSQL's SQLSTATE classes
// 08 (connection exception) and 57P (operator intervention: shutdown, restart).
const UNAVAILABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);

function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && UNAVAILABLE.has(code)) return true;
  return /Connection terminated|connection timeout/i.test(error.message);
}
