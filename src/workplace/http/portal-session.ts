import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { PortalSession, PortalStore } from "../app/portal-ports.ts";
import { EntenteError } from "../errors.ts";

/**
 * The portal's own session, apart from the console's (`entente_session`, path /api, accounts of
 * the secretariat): cookie `entente_portal` holding 32 random bytes, HttpOnly, SameSite=Lax,
 * Secure when the public URL is https, scoped to `/portal/<entente>/`; the database keeps only
 * its SHA-256 (a leaked table opens no session), so any node serves any request. Written by hand
 * rather than with a second @fastify/session: that plugin is registered once at the root for
 * the console and decorates every request.
 */

export const SESSION_COOKIE = "entente_portal";
export const LOGIN_COOKIE = "entente_portal_login";
/** How long a portal session lives after signing in at the hub (seconds). */
export const PORTAL_SESSION_SECONDS = 8 * 60 * 60;

export const hashOf = (id: string) => createHash("sha256").update(id).digest("hex");
export const randomToken = () => randomBytes(32).toString("base64url");

export interface CookieSettings {
  readonly secure: boolean;
}

/** Sets a cookie for the portal of one entente (path `base/`). */
export function setPortalCookie(
  reply: FastifyReply,
  name: string,
  value: string,
  base: string,
  settings: CookieSettings,
  maxAgeSeconds: number,
): void {
  reply.setCookie(name, value, {
    path: `${base}/`,
    httpOnly: true,
    sameSite: "lax",
    secure: settings.secure,
    maxAge: maxAgeSeconds,
  });
}

export function clearPortalCookie(reply: FastifyReply, name: string, base: string, settings: CookieSettings) {
  reply.clearCookie(name, { path: `${base}/`, httpOnly: true, sameSite: "lax", secure: settings.secure });
}

/** The session of this request for `ententeId`, or null (no cookie, expired, another entente's). */
export async function sessionOf(
  store: PortalStore,
  request: FastifyRequest,
  ententeId: string,
  now: Date,
): Promise<PortalSession | null> {
  const id = request.cookies[SESSION_COOKIE];
  if (id === undefined || id === "") return null;
  const session = await store.findSession(hashOf(id), now);
  return session === null || session.ententeId !== ententeId ? null : session;
}

/** Checks the form's `csrf` field against the session's token (synchroniser token). @throws `workplace.portal_csrf`. */
export function checkCsrf(session: PortalSession, body: unknown): void {
  const sent = typeof body === "object" && body !== null ? (body as Record<string, unknown>).csrf : undefined;
  const expected = Buffer.from(session.csrfToken);
  const given = Buffer.from(typeof sent === "string" ? sent : "");
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new EntenteError("workplace.portal_csrf");
}
