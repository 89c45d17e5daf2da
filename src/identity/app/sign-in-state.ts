import { randomBytes, timingSafeEqual } from "node:crypto";
import type { TransientStore } from "../../platform/db/transient-store.ts";
import type { PersonRole } from "../domain/person.ts";
import type { UpstreamIdentity } from "../domain/upstream-identity.ts";
import { EntenteError } from "../errors.ts";
import type { AuthorizationReturn } from "./ports.ts";

/**
 * How long the state of a sign-in lives after its last save (seconds); each save renews it. Longer
 * than the provider's interaction (`INTERACTION_TTL_SECONDS`, 10 minutes), which it serves.
 */
export const SIGN_IN_STATE_TTL_SECONDS = 30 * 60;

/** Where a sign-in stands. Each use case accepts only the steps it follows (no skipping the password). */
export type FlowStep =
  | "start"
  | "password"
  | "upstream"
  | "upstream-answered"
  | "choose-affiliation"
  | "second-factor"
  | "refused"
  | "done";

/**
 * Server-side state of one sign-in, keyed by the interaction's uid (which the provider binds to
 * the browser's cookie). Kept in the TransientStore (database or Redis), so any node serves any
 * step. JSON only.
 */
export interface FlowState {
  readonly uid: string;
  readonly csrf: string;
  readonly step: FlowStep;
  readonly sourceId: string | null;
  readonly login: string | null;
  /** Role forced by a registered address (an élu's personal address). */
  readonly forcedRole: PersonRole | null;
  /** What an upstream IdP answered, waiting for the browser to come back with its cookie. */
  readonly upstream: UpstreamIdentity | null;
  readonly sub: string | null;
  readonly memberId: string | null;
  readonly amr: readonly string[];
  /** memberIds offered on the organisation chooser. */
  readonly choices: readonly string[];
  readonly sso: boolean;
  /** WebAuthn challenge of the options last sent (base64url), single use. */
  readonly challenge: string | null;
  /** TOTP enrolment in progress: the inactive credential and its secret, shown again on reload. */
  readonly totp: {
    readonly credentialId: string;
    readonly secret: string;
    readonly otpauthUri: string;
  } | null;
  /** Where the service wants its answer: an OAuth error once the interaction has expired. */
  readonly returnTo: AuthorizationReturn | null;
}

const key = (uid: string) => `sign-in:${uid}`;

/** A fresh state (a new anti-CSRF token of 256 bits). */
export function newFlowState(uid: string): FlowState {
  return {
    uid,
    csrf: randomBytes(32).toString("base64url"),
    step: "start",
    sourceId: null,
    login: null,
    forcedRole: null,
    upstream: null,
    sub: null,
    memberId: null,
    amr: [],
    choices: [],
    sso: false,
    challenge: null,
    totp: null,
    returnTo: null,
  };
}

/**
 * Reads the state of `uid` (the store's `get`: one read, nothing written, so a concurrent request
 * of the same sign-in still finds it).
 * @throws EntenteError `identity.interaction_expired` when there is none.
 */
export async function loadFlowState(store: TransientStore, uid: string): Promise<FlowState> {
  const value = await store.get(key(uid));
  if (value === null || typeof value !== "object" || (value as FlowState).uid !== uid) {
    throw new EntenteError("identity.interaction_expired");
  }
  return value as FlowState;
}

/** Reads the state of `uid`, or null. */
export async function findFlowState(store: TransientStore, uid: string): Promise<FlowState | null> {
  try {
    return await loadFlowState(store, uid);
  } catch (error) {
    if (error instanceof EntenteError && error.code === "identity.interaction_expired") return null;
    throw error;
  }
}

/** Takes (reads and deletes, atomically) the state of `uid`; null when another request took it first. */
export async function takeFlowState(store: TransientStore, uid: string): Promise<FlowState | null> {
  const value = await store.take(key(uid));
  return value === null || typeof value !== "object" ? null : (value as FlowState);
}

/** Writes the state of `state.uid` (replaces the previous one; renews its life). */
export async function saveFlowState(store: TransientStore, state: FlowState): Promise<FlowState> {
  await store.put(key(state.uid), state, SIGN_IN_STATE_TTL_SECONDS);
  return state;
}

/** @throws EntenteError `identity.state_lost` when the sign-in is not at one of `steps` (a step replayed or skipped). */
export function ensureStep(state: FlowState, ...steps: FlowStep[]): void {
  if (!steps.includes(state.step)) throw new EntenteError("identity.state_lost");
}

/** Constant-time comparison of the form's token with the state's. */
export function isCsrfTokenValid(state: FlowState, token: string | undefined): boolean {
  if (token === undefined) return false;
  const a = Buffer.from(state.csrf);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
