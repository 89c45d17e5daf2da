import type { FastifyReply, FastifyRequest } from "fastify";
import { negotiateLanguage } from "../../../platform/http/negotiate-language.ts";
import { EntenteError, type ErrorCode, formatMessage, type Lang } from "../../errors.ts";
import type { PageError } from "./html.ts";

/** Form fields or query parameters as single strings. */
export type Fields = Readonly<Record<string, string>>;

/** Form fields or query parameters as single strings (a repeated field keeps its first value). */
export function fieldsOf(value: unknown): Fields {
  if (typeof value !== "object" || value === null) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === "string") out[k] = first;
  }
  return out;
}

/**
 * The language of a sign-in page: `?lang=fr|en` (the person's choice), else the first of the
 * service's `ui_locales` Entente speaks (OIDC Core §3.1.2.1: the service's wish before the
 * browser's), else the browser's Accept-Language.
 */
export function interactionLangOf(request: FastifyRequest, uiLocales: string | null | undefined): Lang {
  const asked = fieldsOf(request.query).lang;
  if (asked === "fr" || asked === "en") return asked;
  for (const tag of (uiLocales ?? "").split(" ")) {
    const primary = tag.toLowerCase().split("-")[0];
    if (primary === "fr" || primary === "en") return primary;
  }
  return negotiateLanguage(request.headers["accept-language"]);
}

/** The page's language: `?lang=fr|en`, else the browser's Accept-Language. */
export function langOf(request: FastifyRequest): Lang {
  const asked = fieldsOf(request.query).lang;
  if (asked === "fr" || asked === "en") return asked;
  return negotiateLanguage(request.headers["accept-language"]);
}

/** The catalog's message as a sentence (catalog messages start lowercase). */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** A problem shown next to the fields of a form (`fields`), with the support code. */
export function pageError(
  error: EntenteError,
  lang: Lang,
  requestId: string,
  fields: readonly string[],
): PageError {
  return {
    code: error.code,
    message: sentence(formatMessage(error.code, error.details, lang)),
    requestId,
    fields,
  };
}

/** An HTML page, never cached, in `lang`. */
export function sendHtml(reply: FastifyReply, status: number, body: string, lang: Lang): FastifyReply {
  return reply
    .code(status)
    .header("cache-control", "no-store")
    .header("content-language", lang)
    .type("text/html; charset=utf-8")
    .send(body);
}

/** A path of the pages with the language kept. */
export const withLang = (path: string, lang: Lang) => `${path}?lang=${lang}`;

/** Whether `error` is one of the codes a form shows next to its fields (the person can fix them on the same page). */
export const isOneOf = (error: unknown, ...codes: ErrorCode[]): error is EntenteError =>
  error instanceof EntenteError && codes.includes(error.code);
