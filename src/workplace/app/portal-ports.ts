import type { Actor } from "../../shared/actor.ts";
import type { Announcement, AnnouncementFields } from "../domain/announcement.ts";
import type { ServiceStatus } from "../domain/portal-tiles.ts";

/** A person signed in to the portal, as the hub described them (ID token and userinfo). */
export interface PortalPerson {
  readonly ententeId: string;
  readonly sub: string;
  readonly memberId: string;
  readonly role: string;
  readonly groups: readonly string[];
  readonly displayName: string;
  readonly email: string | null;
}

/** A portal session as stored: the person, the anti-CSRF token, the ID token (logout hint). */
export interface PortalSession extends PortalPerson {
  readonly csrfToken: string;
  readonly idToken: string;
  /** The hub's session id (ID token `sid`), which a back-channel logout names; null: none given. */
  readonly sid: string | null;
}

/** A person's portal preferences. */
export interface PortalPreferences {
  /** Pinned services' client ids, in pin order. */
  readonly pinned: readonly string[];
  readonly openInNewTab: boolean;
}

export interface PortalStore {
  /** The hub client that is the entente's portal; null: no portal set up for the entente. */
  portalClientOf(ententeId: string): Promise<string | null>;
  /** Every entente's portal client (the start aligns their addresses on the public URL). */
  listPortals(): Promise<{ readonly ententeId: string; readonly clientId: string }[]>;
  /** Makes `clientId` (identity's client of this entente) the portal's client. */
  /** Designates the portal's hub client, audited (`designate-portal`) in the same transaction. */
  setPortalClient(ententeId: string, clientId: string, actor: Actor): Promise<void>;
  /** Stores a session under the SHA-256 (hex) of its id. */
  createSession(idHash: string, session: PortalSession, expiresAt: Date): Promise<void>;
  /** The session, unless missing or expired. */
  findSession(idHash: string, now: Date): Promise<PortalSession | null>;
  deleteSession(idHash: string): Promise<void>;
  /** Ends the entente's portal sessions of the hub session `sid`, or of the person `sub` (back-channel logout). */
  endSessions(ententeId: string, by: { readonly sid: string } | { readonly sub: string }): Promise<number>;
  preferencesOf(ententeId: string, sub: string): Promise<PortalPreferences>;
  savePreferences(ententeId: string, sub: string, preferences: PortalPreferences): Promise<void>;
}

/**
 * The portal's sign-in states (`/portal/<entente>/login` → the hub → `…/callback`), bounded per
 * entente: nobody can fill the table by asking for sign-ins.
 */
export interface PortalLoginStore {
  /**
   * Stores `state` under the SHA-256 (hex) of the cookie's id until `expiresAt`, then keeps at
   * most `cap` rows of the entente: the expired ones are pruned first (oldest first), then, when
   * that is not enough, the oldest live ones (their sign-in fails at the callback and starts again).
   */
  put(
    ententeId: string,
    idHash: string,
    state: Record<string, unknown>,
    expiresAt: Date,
    limits: { readonly cap: number; readonly now: Date },
  ): Promise<void>;
  /** The state, deleted as it is read (single use); null when missing, expired or of another entente. */
  take(ententeId: string, idHash: string, now: Date): Promise<Record<string, unknown> | null>;
}

/** One acknowledgement of an announcement. */
export interface Acknowledgement {
  readonly sub: string;
  readonly memberId: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly acknowledgedAt: Date;
}

export interface AnnouncementStore {
  /** Every announcement of the entente, newest first (by first day shown, then creation). */
  list(ententeId: string): Promise<Announcement[]>;
  find(ententeId: string, id: string): Promise<Announcement | null>;
  create(
    ententeId: string,
    fields: AnnouncementFields,
    author: { readonly memberId: string | null; readonly label: string },
  ): Promise<Announcement>;
  /** @returns whether there was one. */
  remove(ententeId: string, id: string, actor: Actor): Promise<boolean>;
  /** Records (once: a second time keeps the first date) that the person acknowledged it. */
  acknowledge(announcementId: string, ack: Acknowledgement): Promise<void>;
  acknowledgements(announcementId: string): Promise<Acknowledgement[]>;
  /** Which of these announcements `sub` acknowledged. */
  acknowledgedBy(announcementIds: readonly string[], sub: string): Promise<Set<string>>;
}

/**
 * The hook for the service status (issue 11 §6, built elsewhere): the status of catalogue
 * services; a service absent from the answer shows no badge.
 */
export interface ServiceStatusReader {
  statusOf(ententeId: string, clientIds: readonly string[]): Promise<ReadonlyMap<string, ServiceStatus>>;
}
