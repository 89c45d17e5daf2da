import type { z } from "zod";
import { ApiError } from "./api-error.ts";
import { LenientProblem, type Problem } from "./problem.ts";

/** Everything the client needs from its surroundings, passed in (no global state, easy to fake). */
export type ApiClientDeps = {
  fetch: typeof fetch;
  /** The CSRF token of the current session, sent on every non-GET request. */
  csrfToken: () => string | null;
  /** The reader's language, sent as Accept-Language so server messages match the page. */
  language: () => string;
  /** Called when the server answers 401 to a request made inside a session (it expired). */
  onUnauthorized: () => void;
};

/** The methods that change something: they send the session's CSRF token. */
export type WriteMethod = "POST" | "PUT" | "DELETE";

/** The console's calls to the API; every answer is parsed with the contract's schema. */
export type ApiClient = {
  /** GET `path` and parse the JSON answer with `schema` (every answer is checked against the contract). */
  get<T>(path: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T>;
  /** Send `body` as JSON and parse the answer with `schema`; a `null` schema expects no content. */
  send<T>(method: WriteMethod, path: string, body: unknown, schema: z.ZodType<T>): Promise<T>;
  send(method: WriteMethod, path: string, body: unknown, schema: null): Promise<void>;
};

/**
 * The console's only door to the API: same-origin JSON with the session cookie, CSRF header on
 * writes, problem+json errors turned into {@link ApiError}, answers parsed with the zod schemas
 * of the contexts' contracts (src/<context>/contracts) so a drift between server and console
 * shows at once instead of as NaN.
 */
export function createApiClient(deps: ApiClientDeps): ApiClient {
  async function request(method: string, path: string, body: unknown, signal?: AbortSignal) {
    const headers: Record<string, string> = {
      accept: "application/json",
      "accept-language": deps.language(),
    };
    if (body !== undefined) headers["content-type"] = "application/json";
    const token = deps.csrfToken();
    if (method !== "GET" && token !== null) headers["x-csrf-token"] = token;
    let response: Response;
    try {
      response = await deps.fetch(path, {
        method,
        headers,
        credentials: "same-origin",
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(signal === undefined ? {} : { signal }),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError(0, { code: "client.network", detail: String(error) }, { cause: error });
    }
    if (!response.ok) {
      const problem = await readProblem(response);
      // Session lost (expired, or the server restarted): the server answers 401 auth.required to
      // any read or write, never a CSRF 403. Every 401 but a failed sign-in ends the session here;
      // the session layer then shows « Session expirée » on the sign-in page and comes back after.
      if (response.status === 401 && !(method === "POST" && path === "/api/session")) deps.onUnauthorized();
      throw new ApiError(response.status, problem);
    }
    return response;
  }

  async function parse<T>(response: Response, schema: z.ZodType<T>, path: string): Promise<T> {
    let json: unknown;
    try {
      json = await response.json();
    } catch (error) {
      throw new ApiError(
        response.status,
        { code: "client.invalid_response", detail: `${path}: ${String(error)}` },
        { cause: error },
      );
    }
    const result = schema.safeParse(json);
    if (!result.success) {
      const where = result.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
        .join("; ");
      throw new ApiError(
        response.status,
        { code: "client.invalid_response", detail: `${path} — ${where}` },
        { cause: result.error },
      );
    }
    return result.data;
  }

  async function send<T>(method: WriteMethod, path: string, body: unknown, schema: z.ZodType<T> | null) {
    const response = await request(method, path, body);
    if (schema === null) return undefined;
    return parse(response, schema, path);
  }

  return {
    async get(path, schema, signal) {
      return parse(await request("GET", path, undefined, signal), schema, path);
    },
    send: send as ApiClient["send"],
  };
}

async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = {
    status: response.status,
    title: response.statusText || `HTTP ${response.status}`,
  };
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("json")) return fallback;
  try {
    const parsed = LenientProblem.safeParse(await response.json());
    return parsed.success ? { ...fallback, ...parsed.data } : fallback;
  } catch {
    // A broken error body: keep the status line, which still says what failed.
    return fallback;
  }
}
