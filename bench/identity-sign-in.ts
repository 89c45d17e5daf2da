// The complete LDAP sign-in of bench/identity.bench.ts, as a browser and its service do it, with
// `fetch` and a tiny cookie jar (one fresh jar per sign-in: no single sign-on, every sign-in
// binds at the directory): authorize (PKCE S256) → interaction page → email form → password
// page → password form (LDAP bind) → back to /oidc/auth → code → token exchange. Counted only
// when the token endpoint answers 200 with an access token and an ID token.
import { createHash, randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { BenchClient } from "./identity-child.ts";

export interface SignInUser {
  readonly email: string;
  readonly password: string;
}

/** Cookies by name; the provider's paths (/interaction/:uid, /oidc/auth/:uid) never reuse a name. */
class CookieJar {
  readonly #cookies = new Map<string, string>();

  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => {
        const [key = "", v = ""] = a.trim().split("=");
        if (key.toLowerCase() === "max-age") return Number(v) <= 0;
        if (key.toLowerCase() === "expires") return Date.parse(v) <= Date.now();
        return false;
      });
      if (expired || value === "") this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }
}

async function call(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = jar.header();
  if (cookie !== "") headers.set("cookie", cookie);
  const response = await fetch(url, { ...init, headers, redirect: "manual" });
  jar.store(response);
  // A body left unread keeps undici's connection busy: read redirects' bodies at once.
  if (response.status >= 300 && response.status < 400) await response.arrayBuffer();
  return response;
}

function expect(response: Response, status: number, what: string): void {
  if (response.status !== status) throw new Error(`${what}: HTTP ${response.status}, expected ${status}`);
}

function locationOf(response: Response, base: string): string {
  const location = response.headers.get("location");
  if (location === null) throw new Error(`HTTP ${response.status} without location`);
  return new URL(location, base).toString();
}

async function csrfOf(response: Response): Promise<string> {
  const html = await response.text();
  const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  if (token === undefined) throw new Error("no csrf field in the page");
  return token;
}

const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
});

export function basicAuth(client: BenchClient): string {
  const encode = (s: string) => encodeURIComponent(s);
  return `Basic ${Buffer.from(`${encode(client.record.clientId)}:${encode(client.clientSecret)}`).toString("base64")}`;
}

/** Milliseconds spent in each step of the sign-ins, summed (`signInOnce` adds to it). */
export type StepTimes = Map<string, number>;

/** The steps of a sign-in, in order, as `StepTimes` names them. */
export const SIGN_IN_STEPS = [
  "authorize",
  "interaction page",
  "email form",
  "password page",
  "password form (bind)",
  "resume → code",
  "token exchange",
] as const;

/**
 * One complete sign-in of `user` at the provider `issuer` (`<base>/oidc`) for the service
 * `client`, asking every scope of the bench's service. `steps`, when given, receives the time
 * of each step.
 * @returns the token endpoint's answer (access_token, id_token, refresh_token…).
 * @throws Error naming the step that did not answer as expected.
 */
export async function signInOnce(
  base: string,
  issuer: string,
  client: BenchClient,
  user: SignInUser,
  steps?: StepTimes,
): Promise<Record<string, unknown>> {
  const jar = new CookieJar();
  const timed = async <T>(step: (typeof SIGN_IN_STEPS)[number], run: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await run();
    } finally {
      steps?.set(step, (steps.get(step) ?? 0) + performance.now() - t0);
    }
  };
  const verifier = randomBytes(32).toString("base64url");
  const redirectUri = client.record.redirectUris[0] ?? "";
  const authorize = new URL(`${issuer}/auth`);
  for (const [k, v] of Object.entries({
    client_id: client.record.clientId,
    redirect_uri: redirectUri,
    response_type: "code",
    scope: client.record.scopes.join(" "),
    state: randomBytes(8).toString("base64url"),
    nonce: randomBytes(8).toString("base64url"),
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  }))
    authorize.searchParams.set(k, v);

  const interaction = await timed("authorize", async () => {
    const response = await call(jar, authorize.toString());
    expect(response, 303, "authorize");
    return locationOf(response, base);
  });
  const csrf = await timed("interaction page", async () => {
    const response = await call(jar, interaction);
    expect(response, 200, "interaction page");
    return csrfOf(response);
  });
  const passwordPage = await timed("email form", async () => {
    const response = await call(jar, `${interaction}/email`, form({ email: user.email, csrf }));
    expect(response, 303, "email form");
    return locationOf(response, base);
  });
  await timed("password page", async () => {
    const response = await call(jar, passwordPage);
    expect(response, 200, "password page");
    await response.arrayBuffer();
  });
  const resume = await timed("password form (bind)", async () => {
    const fields = { login: user.email, password: user.password, csrf };
    const response = await call(jar, `${interaction}/password`, form(fields));
    expect(response, 303, "password form");
    return locationOf(response, base);
  });
  const code = await timed("resume → code", async () => {
    const response = await call(jar, resume);
    expect(response, 303, "resume authorization");
    const back = new URL(locationOf(response, base));
    const found = back.searchParams.get("code");
    if (found === null || !back.toString().startsWith(redirectUri)) {
      throw new Error(`no code in the redirect: ${back.searchParams.get("error") ?? back.pathname}`);
    }
    return found;
  });
  return timed("token exchange", async () => {
    const response = await fetch(`${issuer}/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: basicAuth(client) },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: redirectUri,
        code_verifier: verifier,
      }).toString(),
    });
    const tokens = (await response.json()) as Record<string, unknown>;
    if (
      response.status !== 200 ||
      typeof tokens.access_token !== "string" ||
      typeof tokens.id_token !== "string"
    )
      throw new Error(`token exchange: HTTP ${response.status} ${String(tokens.error ?? "")}`);
    return tokens;
  });
}

export interface LoadFigures {
  readonly ok: number;
  readonly failed: number;
  readonly firstError: string | null;
  readonly seconds: number;
  /** Durations of the successful tasks, in milliseconds, sorted. */
  readonly durations: readonly number[];
}

/**
 * `concurrency` loops running `task(i)` one after the other (i = 0, 1, 2… across loops) until
 * `maxCount` tasks have started or `seconds` have passed (those in flight then finish).
 */
export async function runConcurrently(
  task: (i: number) => Promise<unknown>,
  options: { readonly concurrency: number; readonly maxCount: number; readonly seconds: number },
): Promise<LoadFigures> {
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const durations: number[] = [];
  let next = 0;
  let failed = 0;
  let firstError: string | null = null;
  const loop = async () => {
    while (next < options.maxCount && performance.now() < deadline) {
      const i = next;
      next += 1;
      const t0 = performance.now();
      try {
        await task(i);
        durations.push(performance.now() - t0);
      } catch (error) {
        failed += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, loop));
  return {
    ok: durations.length,
    failed,
    firstError,
    seconds: (performance.now() - started) / 1000,
    durations: durations.sort((a, b) => a - b),
  };
}

/** Complete sign-ins by `concurrency` browsers, cycling through `users` (see `runConcurrently`). */
export function runSignInLoad(options: {
  readonly base: string;
  readonly issuer: string;
  readonly client: BenchClient;
  readonly users: readonly SignInUser[];
  readonly concurrency: number;
  readonly maxCount: number;
  readonly seconds: number;
  readonly steps?: StepTimes;
}): Promise<LoadFigures> {
  return runConcurrently(
    (i) =>
      signInOnce(
        options.base,
        options.issuer,
        options.client,
        options.users[i % options.users.length] as SignInUser,
        options.steps,
      ),
    options,
  );
}
