import type { FastifyRequest, FastifyServerOptions } from "fastify";
import type { Config } from "../config/load-config.ts";
import type { LogStream } from "./app-deps.ts";

/** Request headers that carry credentials: logged as `[redacted]`. */
const SECRET_HEADERS = [
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "x-csrf-token",
  "x-api-key",
  "x-service-auth",
];

/** Object keys that carry credentials, wherever they sit in a logged object (up to 3 levels deep). */
const SECRET_KEYS = [
  "password",
  "currentPassword",
  "newPassword",
  "passwordConfirmation",
  "secret",
  "clientSecret",
  "client_secret",
  "accessToken",
  "refreshToken",
];

/**
 * Query parameters whose value is not logged: OIDC codes and tokens, SAML messages, passwords,
 * and the values that bind a browser to a sign-in in progress — OAuth `state` (RFC 6749 §10.12:
 * whoever holds it can complete a sign-in forged with it), SAML `RelayState`, `nonce` — and
 * `login_hint` (a person's address).
 */
const SECRET_QUERY = /code|token|secret|password|ticket|saml|assertion|session|state|nonce|login_hint/i;

export const REDACTED = "[redacted]";

/** The pino paths that `logger` redacts: credentials in headers and in any logged object. */
export const REDACTED_PATHS: readonly string[] = [
  ...SECRET_HEADERS.flatMap((name) => [
    `req.headers["${name}"]`,
    `headers["${name}"]`,
    `*.headers["${name}"]`,
  ]),
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]),
];

/**
 * The options of the app's logger (pino, JSON lines): the level of the configuration, every
 * request logged with its headers and its id, credentials redacted (headers, password and
 * secret fields, token-like query values).
 */
export function loggerOptions(
  level: Config["log"]["level"],
  stream: LogStream | undefined,
): Exclude<FastifyServerOptions["logger"], boolean | undefined> {
  return {
    level,
    redact: { paths: [...REDACTED_PATHS], censor: REDACTED },
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactQuery(request.url),
        host: request.host,
        remoteAddress: request.ip,
        headers: withoutSecretQueries(request.headers),
      }),
    },
    ...(stream === undefined ? {} : { stream }),
  };
}

/** The headers, the `Referer` (the page the browser comes from: an IdP's callback URL) with `redactQuery`. */
function withoutSecretQueries(headers: FastifyRequest["headers"]): FastifyRequest["headers"] {
  const { referer } = headers;
  return typeof referer === "string" ? { ...headers, referer: redactQuery(referer) } : { ...headers };
}

/** `/cb?code=abc&year=2023` → `/cb?code=[redacted]&year=2023`. */
export function redactQuery(url: string): string {
  const start = url.indexOf("?");
  if (start === -1) return url;
  const query = url
    .slice(start + 1)
    .split("&")
    .map((pair) => {
      const name = pair.split("=", 1)[0] ?? "";
      return SECRET_QUERY.test(decodeSafely(name)) ? `${name}=${REDACTED}` : pair;
    });
  return `${url.slice(0, start)}?${query.join("&")}`;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
