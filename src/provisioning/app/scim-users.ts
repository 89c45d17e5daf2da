import { coerceResource, type ScimAttributes } from "../domain/scim-coerce.ts";
import { badRequest, notFound, ScimProtocolError } from "../domain/scim-error.ts";
import { ifMatchAllows } from "../domain/scim-etag.ts";
import { applyPatch, readPatchRequest } from "../domain/scim-patch-request.ts";
import { accountState, carriedAddresses, toProvisionedIdentity } from "../domain/scim-person.ts";
import { endSessionsOnDeprovisioning } from "./hub-sessions.ts";
import type { PersonChange, PersonChangeKind, ScimDeps, ScimScope, StoredUser, UserWrite } from "./ports.ts";
import { patchableUser } from "./scim-representation.ts";

/**
 * The Users of a member's SCIM endpoint (RFC 7644 §3.3–3.6), each a person of the pivot
 * directory. Every write is a list of steps: coerce to the schema (Entra's string booleans…),
 * check the version (`If-Match`), link the person (identity's door), store the User with the
 * person's change for the provisioning engine, in one transaction.
 */
export interface CreatedUser {
  readonly user: StoredUser;
  /** false: a retry of a create already done (same userName and externalId); nothing changed. */
  readonly created: boolean;
}

/**
 * POST /Users. A retried create (same `userName`, same `externalId`: a client that timed out, as
 * Entra ID and Okta do) answers the existing User instead of a conflict, so that it is idempotent.
 * @throws ScimProtocolError 409 `uniqueness` when another User has the userName (case-insensitive)
 *   or the externalId (`assertLinkKeyFree`), 400 `invalidValue` for a User without userName or email, or with an email the member does not own.
 */
export async function createUser(deps: ScimDeps, scope: ScimScope, body: unknown): Promise<CreatedUser> {
  const attributes = coerceResource("User", body);
  const audiences = readAudiences(deps, scope);
  const write = await userWrite(deps, scope, attributes, null);
  const [existing] = await deps.store.findUsersBy(scope, "userName", write.userName);
  if (existing !== undefined) return { user: sameCreate(existing, write), created: false };
  await assertLinkKeyFree(deps, scope, write.externalId, null);
  const id = deps.newId();
  const linked = await linkedWrite(deps, scope, id, write, []);
  const change = governed(
    deps,
    personChange(linked.sub, write.active ? "created" : "suspended", linked, []),
    await audiences,
  );
  const user = await deps.store.insertUser(scope, id, linked, [change]);
  if (user === null) throw await takenNow(deps, scope, write, null);
  return { user, created: true };
}

function sameCreate(existing: StoredUser, write: UserWrite): StoredUser {
  if (existing.externalId !== null && existing.externalId === write.externalId) return existing;
  throw taken(write.userName);
}

const taken = (userName: string) =>
  new ScimProtocolError(
    409,
    "uniqueness",
    `userName "${userName}" is already a User of this member (compared case-insensitively): GET /Users?filter=userName eq "${userName}" finds it.`,
  );

const externalIdTaken = (externalId: string) =>
  new ScimProtocolError(
    409,
    "uniqueness",
    `externalId "${externalId}" is already another User's at this member (RFC 7643 §3.1: the client's identifier of one resource): GET /Users?filter=externalId eq "${externalId}" finds it.`,
  );

/**
 * A User is linked to its person by its externalId, else by its id (`linkedWrite`): a key another
 * User of the member holds would make two Users one person (one's `active: false` suspending the
 * other's sign-ins). So an externalId is unique per member endpoint (RFC 7643 §3.1: issued by the
 * provisioning client for one resource) and never another User's id when that one has none.
 * Checked before the person is linked, so that a refused write changes no person; the table's
 * unique keys (0179) close the race of two writes at once.
 * @throws ScimProtocolError 409 `uniqueness`.
 */
async function assertLinkKeyFree(
  deps: ScimDeps,
  scope: ScimScope,
  externalId: string | null,
  selfId: string | null,
): Promise<void> {
  if (externalId === null) return;
  const [byExternalId, byId] = await Promise.all([
    deps.store.findUsersBy(scope, "externalId", externalId),
    deps.store.findUsersBy(scope, "id", externalId),
  ]);
  const holders = [...byExternalId, ...byId.filter((u) => u.externalId === null)];
  if (holders.some((u) => u.id !== selfId)) throw externalIdTaken(externalId);
}

/** Which key a write lost at the last moment (another write at the same time took it). */
async function takenNow(
  deps: ScimDeps,
  scope: ScimScope,
  write: UserWrite,
  selfId: string | null,
): Promise<ScimProtocolError> {
  const holders = await deps.store.findUsersBy(scope, "userName", write.userName);
  return !holders.some((u) => u.id !== selfId) && write.externalId !== null
    ? externalIdTaken(write.externalId)
    : taken(write.userName);
}

/** GET /Users/{id}. @throws ScimProtocolError 404 outside the member's scope. */
export async function getUser(deps: ScimDeps, scope: ScimScope, id: string): Promise<StoredUser> {
  const user = await deps.store.findUser(scope, id);
  if (user === null) throw notFound("User", id);
  return user;
}

/** PUT /Users/{id}: the attributes replace the stored ones (read-only ones are ignored). */
export async function replaceUser(
  deps: ScimDeps,
  scope: ScimScope,
  id: string,
  body: unknown,
  ifMatch: string | undefined,
): Promise<StoredUser> {
  const current = await currentUser(deps, scope, id, ifMatch);
  return saveUser(deps, scope, current, coerceResource("User", body));
}

/**
 * PATCH /Users/{id} (RFC 7644 §3.5.2): every path form, a no-path replace with a value object,
 * capitalised ops; `active: "False"` suspends the person (Entra ID, Okta: deprovisioning).
 */
export async function patchUser(
  deps: ScimDeps,
  scope: ScimScope,
  id: string,
  body: unknown,
  ifMatch: string | undefined,
): Promise<StoredUser> {
  const operations = readPatchRequest("User", body);
  const current = await currentUser(deps, scope, id, ifMatch);
  const patched = applyPatch(patchableUser(current), operations);
  return saveUser(deps, scope, current, coerceResource("User", patched));
}

/**
 * DELETE /Users/{id}: the User goes, the person's affiliation to the member admits nobody any
 * more (sign-in, portal, entitlements), the person's accounts are deprovisioned by the engine.
 */
export async function deleteUser(
  deps: ScimDeps,
  scope: ScimScope,
  id: string,
  ifMatch: string | undefined,
): Promise<void> {
  const current = await currentUser(deps, scope, id, ifMatch);
  const groups = current.groups.map((g) => g.display);
  const changes =
    current.sub === null
      ? []
      : [
          governed(
            deps,
            personChange(current.sub, "deleted", current, groups),
            await readAudiences(deps, scope),
          ),
        ];
  // The person admitted nowhere first (fail closed): a delete that fails after it is retried.
  if (current.sub !== null) await deps.pivot.deprovisionPerson(scope.ententeId, scope.memberId, current.sub);
  if (!(await deps.store.deleteUser(scope, id, changes, deps.now()))) throw notFound("User", id);
  await endSessionsOnDeprovisioning(deps.sessions, changes);
}

/** The stored User, checked against `If-Match`. @throws 404, 412. */
async function currentUser(deps: ScimDeps, scope: ScimScope, id: string, ifMatch: string | undefined) {
  const current = await getUser(deps, scope, id);
  if (!ifMatchAllows(ifMatch, current.version))
    throw new ScimProtocolError(
      412,
      null,
      `User "${id}" has changed (version W/"${current.version}"): read it again and retry.`,
    );
  return current;
}

/** Stores new attributes of an existing User, links its person again, records the change. */
export async function saveUser(
  deps: ScimDeps,
  scope: ScimScope,
  current: StoredUser,
  attributes: ScimAttributes,
): Promise<StoredUser> {
  const audiences = readAudiences(deps, scope);
  const write = await userWrite(deps, scope, attributes, current);
  if (write.externalId !== current.externalId)
    await assertLinkKeyFree(deps, scope, write.externalId, current.id);
  const groups = current.groups.map((g) => g.display);
  const linked = await linkedWrite(deps, scope, current.id, write, groups);
  const change = governed(
    deps,
    personChange(linked.sub, changeKind(current.active, linked.active), linked, groups),
    await audiences,
  );
  const saved = await deps.store.updateUser(scope, current.id, current.version, linked, [change]);
  if (saved === null) throw notFound("User", current.id);
  if (saved === "taken") throw await takenNow(deps, scope, write, current.id);
  if (saved === "stale")
    throw new ScimProtocolError(
      409,
      null,
      `User "${current.id}" was changed by another request at the same time: retry.`,
    );
  await endSessionsOnDeprovisioning(deps.sessions, [change]);
  return saved;
}

function changeKind(wasActive: boolean, isActive: boolean): PersonChangeKind {
  if (wasActive === isActive) return "updated";
  return isActive ? "reactivated" : "suspended";
}

async function userWrite(
  deps: ScimDeps,
  _scope: ScimScope,
  attributes: ScimAttributes,
  current: StoredUser | null,
): Promise<UserWrite> {
  const userName = typeof attributes.userName === "string" ? attributes.userName.trim() : "";
  if (userName === "")
    throw badRequest("invalidValue", 'a User needs a "userName" (the sign-in address at the member).');
  const externalId = typeof attributes.externalId === "string" ? attributes.externalId : null;
  const active = attributes.active !== false;
  return {
    userName,
    externalId,
    active,
    attributes: { ...attributes, userName, active },
    sub: current?.sub ?? null,
    at: deps.now(),
  };
}

/**
 * Links the User's person in the pivot directory: the upstream id is the `externalId` when the
 * member's directory gives one (Entra ID: the object id, as its sign-ins do), else the SCIM id.
 */
async function linkedWrite(
  deps: ScimDeps,
  scope: ScimScope,
  id: string,
  write: UserWrite,
  groups: readonly string[],
): Promise<UserWrite & { sub: string }> {
  const identity = toProvisionedIdentity(write.attributes, groups);
  if (identity === null)
    throw badRequest(
      "invalidValue",
      `User "${write.userName}" has no email address: give "emails" or a userName that is an address.`,
    );
  await assertAddressesOwned(deps, scope, write, identity.email);
  const linked = await deps.pivot.linkPerson(scope.sourceId, write.externalId ?? id, identity, write.active);
  if (linked === "source_unknown")
    throw new ScimProtocolError(
      404,
      null,
      "the identity source of this SCIM endpoint was deleted: ask the secretariat for a new token.",
    );
  if (linked === "email_not_owned")
    throw badRequest(
      "invalidValue",
      `email "${identity.email}" is not in a domain of this member: declare the domain in the identity federation first.`,
    );
  return { ...write, sub: linked.sub };
}

/**
 * Every address the User carries (its userName when an address, each `emails[].value`) is in a
 * domain of the member, or registered for it: the one the person's email is taken from is checked
 * by `linkPerson`, the others here (none to read in the usual case, all of them that one).
 * @throws ScimProtocolError 400 `invalidValue` naming the attribute (RFC 7644 §3.12).
 */
async function assertAddressesOwned(
  deps: ScimDeps,
  scope: ScimScope,
  write: UserWrite,
  email: string,
): Promise<void> {
  const key = (address: string) => address.toLowerCase();
  const others = carriedAddresses(write.attributes).filter((a) => key(a.value) !== key(email));
  if (others.length === 0) return;
  const refused = new Set(
    (await deps.pivot.emailsNotOwned(scope.sourceId, [...new Set(others.map((a) => a.value))])).map(key),
  );
  const first = others.find((a) => refused.has(key(a.value)));
  if (first !== undefined)
    throw badRequest(
      "invalidValue",
      `${first.attribute} "${first.value}" is not in a domain of this member (nor an address registered for it): give an address of the member's own domains.`,
    );
}

/** The person's change with the account as it is after it (connectors apply a state: idempotent). */
function personChange(
  sub: string,
  kind: PersonChangeKind,
  user: { readonly attributes: ScimAttributes; readonly active: boolean },
  groups: readonly string[],
): PersonChange {
  return { sub, kind, payload: accountState(user.attributes, groups, user.active) };
}

type Audiences = Awaited<ReturnType<NonNullable<ScimDeps["audiences"]>["audiencesOf"]>>;

/**
 * The catalogued services' access rules for the member (null: none composed), read while the
 * write goes on (one statement, overlapping the person's link); a write refused before it is
 * awaited leaves no unhandled rejection.
 */
function readAudiences(deps: ScimDeps, scope: ScimScope): Promise<Audiences | null> {
  if (deps.audiences === undefined) return Promise.resolve(null);
  const read = deps.audiences.audiencesOf(scope.ententeId, scope.memberId);
  read.catch(() => undefined);
  return read;
}

/**
 * The change with the catalogued services that govern the person's accounts and whether each
 * one's rule admits them now (role and groups after the change): their connectors get the
 * difference (`domain/service-access.ts`) — a person who joined a subscribed group is created
 * there, one who left is disabled, and one whose subscription ended is never re-enabled.
 */
function governed(deps: ScimDeps, change: PersonChange, audiences: Audiences | null): PersonChange {
  if (audiences === null) return change;
  const at = deps.now();
  return {
    ...change,
    services: audiences.map((a) => ({ clientId: a.clientId, eligible: a.admits(change.payload, at) })),
  };
}
