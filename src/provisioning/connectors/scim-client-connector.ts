import type {
  Connector,
  ConnectorChange,
  ConnectorKind,
  ConnectorRecord,
  DeliveryOutcome,
  PeerAccount,
} from "../app/connector.ts";
import { checkHttpUrl, PEER_TIMEOUT_MS, refusalOutcome, unreachableOutcome } from "./http-outcome.ts";

const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
const MEDIA_TYPE = "application/scim+json";

/**
 * The generic SCIM 2.0 client (RFC 7644) that provisions a service speaking SCIM. Settings:
 * `baseUrl` (the service's SCIM base, e.g. `https://visio.example/scim/v2`); secret: its bearer
 * token. Each person is one User whose `externalId` is the person's `sub`, found by
 * `filter=externalId eq "…"` (the pivot's stable id, never the email, which may change).
 * Idempotent by construction: the User is created when missing, else replaced (PUT) by the
 * state. A suspension and a deletion set `active=false` (deprovisioning disables first and
 * never deletes data the same day; docs/provisioning.md); the erasure, after the member's
 * retention period, deletes the User.
 */
export const scimClientKind: ConnectorKind = {
  kind: "scim",
  checkSettings: (settings) => checkHttpUrl("baseUrl", settings.baseUrl),
  create: (record) => createScimClientConnector(record),
};

function createScimClientConnector(record: ConnectorRecord): Connector {
  const base = String(record.settings.baseUrl).replace(/\/+$/, "");
  const headers: Record<string, string> = { accept: MEDIA_TYPE, "content-type": MEDIA_TYPE };
  if (record.secret !== null) headers.authorization = `Bearer ${record.secret}`;
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers,
      signal: AbortSignal.timeout(PEER_TIMEOUT_MS),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    async deliver(change) {
      try {
        return await applyState(call, change);
      } catch (error) {
        return unreachableOutcome(`SCIM ${base}`, error);
      }
    },
    list: () => listUsers(call, base),
  };
}

const PAGE = 100;

/** Every User with an `externalId` (Entente's persons), page by page (RFC 7644 §3.4.2.4). */
async function listUsers(call: Call, base: string): Promise<PeerAccount[]> {
  const accounts: PeerAccount[] = [];
  for (let start = 1; ; start += PAGE) {
    const answer = await call("GET", `/Users?startIndex=${start}&count=${PAGE}`);
    if (!answer.ok) throw new Error(`SCIM ${base}: listing the Users answered HTTP ${answer.status}`);
    const page = (await answer.json()) as { Resources?: Record<string, unknown>[]; totalResults?: number };
    const resources = page.Resources ?? [];
    for (const user of resources) if (typeof user.externalId === "string") accounts.push(peerAccount(user));
    if (resources.length === 0 || start + resources.length > (page.totalResults ?? 0)) return accounts;
  }
}

function peerAccount(user: Record<string, unknown>): PeerAccount {
  const name = (user.name ?? {}) as { givenName?: unknown; familyName?: unknown };
  const emails = (user.emails ?? []) as { value?: unknown }[];
  return {
    sub: String(user.externalId),
    userName: String(user.userName ?? ""),
    active: user.active !== false,
    email: typeof emails[0]?.value === "string" ? emails[0].value : null,
    givenName: typeof name.givenName === "string" ? name.givenName : "",
    familyName: typeof name.familyName === "string" ? name.familyName : "",
  };
}

type Call = (method: string, path: string, body?: unknown) => Promise<Response>;

/** Steps: find the User by externalId → create it, or replace it with the state. */
async function applyState(call: Call, change: ConnectorChange): Promise<DeliveryOutcome> {
  const found = await call("GET", `/Users?filter=${encodeURIComponent(`externalId eq "${change.sub}"`)}`);
  if (!found.ok) return refusalOutcome("SCIM search", found);
  const list = (await found.json()) as { Resources?: { id?: string }[] };
  const existing = list.Resources?.[0]?.id;
  if (change.kind === "erased") return erase(call, existing);
  const user = toScimUser(change);
  if (existing === undefined) {
    if (!user.active) return { status: "done", detail: "no account to disable" };
    const created = await call("POST", "/Users", user);
    return created.ok
      ? { status: "done", detail: `created ${created.status}` }
      : refusalOutcome("SCIM create", created);
  }
  const replaced = await call("PUT", `/Users/${encodeURIComponent(existing)}`, { ...user, id: existing });
  return replaced.ok
    ? { status: "done", detail: `replaced ${replaced.status}` }
    : refusalOutcome("SCIM replace", replaced);
}

/** The retention period is over: the User is deleted (RFC 7644 §3.6); already gone (404) is done. */
async function erase(call: Call, existing: string | undefined): Promise<DeliveryOutcome> {
  if (existing === undefined) return { status: "done", detail: "no account to erase" };
  const deleted = await call("DELETE", `/Users/${encodeURIComponent(existing)}`);
  return deleted.ok || deleted.status === 404
    ? { status: "done", detail: `erased ${deleted.status}` }
    : refusalOutcome("SCIM delete", deleted);
}

/** The person's account as a SCIM User (RFC 7643 §4.1). */
function toScimUser(change: ConnectorChange) {
  const { account } = change;
  const active = account.active && change.kind !== "suspended" && change.kind !== "deleted";
  return {
    schemas: [USER_SCHEMA],
    externalId: change.sub,
    userName: account.email ?? account.userName,
    name: { givenName: account.givenName, familyName: account.familyName },
    displayName: account.displayName,
    ...(account.email === null ? {} : { emails: [{ value: account.email, type: "work", primary: true }] }),
    userType: account.role,
    active,
  };
}
