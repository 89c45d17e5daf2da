import { coerceResource, type ScimAttributes } from "../domain/scim-coerce.ts";
import { badRequest, notFound, ScimProtocolError } from "../domain/scim-error.ts";
import { ifMatchAllows } from "../domain/scim-etag.ts";
import { applyPatch, readPatchRequest } from "../domain/scim-patch-request.ts";
import type { GroupWrite, ScimDeps, ScimScope, StoredGroup } from "./ports.ts";
import { patchableGroup } from "./scim-representation.ts";
import { saveUser } from "./scim-users.ts";

/**
 * The Groups of a member's SCIM endpoint (RFC 7643 §4.2). A Group's displayName is a pivot group
 * of its members: after a change, the persons who joined or left (all of them when the name
 * changed) are linked again so that the services see their groups, and the engine gets their change.
 */

/** POST /Groups. @throws 400 `invalidValue` without displayName or with a member that is not a User of the member. */
export async function createGroup(deps: ScimDeps, scope: ScimScope, body: unknown): Promise<StoredGroup> {
  const write = await groupWrite(deps, scope, coerceResource("Group", body));
  const group = await deps.store.insertGroup(scope, deps.newId(), write);
  await refreshMembers(deps, scope, write.memberIds);
  return group;
}

/** GET /Groups/{id}. @throws 404 outside the member's scope. */
export async function getGroup(deps: ScimDeps, scope: ScimScope, id: string): Promise<StoredGroup> {
  const group = await deps.store.findGroup(scope, id);
  if (group === null) throw notFound("Group", id);
  return group;
}

/** PUT /Groups/{id}. */
export async function replaceGroup(
  deps: ScimDeps,
  scope: ScimScope,
  id: string,
  body: unknown,
  ifMatch: string | undefined,
): Promise<StoredGroup> {
  const current = await currentGroup(deps, scope, id, ifMatch);
  return saveGroup(deps, scope, current, coerceResource("Group", body));
}

/**
 * PATCH /Groups/{id}: `add` members, `remove` with `members[value eq "…"]` (Entra ID), `replace`
 * members with `[]` (Okta), a no-path replace of displayName.
 */
export async function patchGroup(
  deps: ScimDeps,
  scope: ScimScope,
  id: string,
  body: unknown,
  ifMatch: string | undefined,
): Promise<StoredGroup> {
  const operations = readPatchRequest("Group", body);
  const current = await currentGroup(deps, scope, id, ifMatch);
  return saveGroup(
    deps,
    scope,
    current,
    coerceResource("Group", applyPatch(patchableGroup(current), operations)),
  );
}

/** DELETE /Groups/{id}: its members lose the group. */
export async function deleteGroup(
  deps: ScimDeps,
  scope: ScimScope,
  id: string,
  ifMatch: string | undefined,
): Promise<void> {
  const current = await currentGroup(deps, scope, id, ifMatch);
  if (!(await deps.store.deleteGroup(scope, id))) throw notFound("Group", id);
  await refreshMembers(
    deps,
    scope,
    current.members.map((m) => m.value),
  );
}

async function currentGroup(deps: ScimDeps, scope: ScimScope, id: string, ifMatch: string | undefined) {
  const current = await getGroup(deps, scope, id);
  if (!ifMatchAllows(ifMatch, current.version))
    throw new ScimProtocolError(
      412,
      null,
      `Group "${id}" has changed (version W/"${current.version}"): read it again and retry.`,
    );
  return current;
}

async function saveGroup(deps: ScimDeps, scope: ScimScope, current: StoredGroup, attributes: ScimAttributes) {
  const write = await groupWrite(deps, scope, attributes);
  const saved = await deps.store.updateGroup(scope, current.id, current.version, write);
  if (saved === null) throw notFound("Group", current.id);
  if (saved === "stale")
    throw new ScimProtocolError(
      409,
      null,
      `Group "${current.id}" was changed by another request at the same time: retry.`,
    );
  const before = current.members.map((m) => m.value);
  const renamed = current.displayName !== write.displayName;
  await refreshMembers(
    deps,
    scope,
    renamed ? [...before, ...write.memberIds] : symmetricDifference(before, write.memberIds),
  );
  return saved;
}

async function groupWrite(deps: ScimDeps, scope: ScimScope, attributes: ScimAttributes): Promise<GroupWrite> {
  const displayName = typeof attributes.displayName === "string" ? attributes.displayName.trim() : "";
  if (displayName === "") throw badRequest("invalidValue", 'a Group needs a "displayName".');
  const members = (Array.isArray(attributes.members) ? attributes.members : []) as Record<string, unknown>[];
  const memberIds = [...new Set(members.map((m) => String(m.value ?? "")))];
  const known = await deps.store.existingUserIds(scope, memberIds);
  const unknown = memberIds.filter((m) => !known.has(m));
  if (unknown.length > 0)
    throw badRequest(
      "invalidValue",
      `members ${unknown.map((u) => `"${u}"`).join(", ")} are not Users of this member: create them first.`,
    );
  const { members: _members, ...rest } = attributes;
  const externalId = typeof attributes.externalId === "string" ? attributes.externalId : null;
  return { displayName, externalId, attributes: { ...rest, displayName }, memberIds, at: deps.now() };
}

/** Links the persons of `userIds` again with their current groups (their User's version moves). */
async function refreshMembers(deps: ScimDeps, scope: ScimScope, userIds: readonly string[]): Promise<void> {
  for (const userId of new Set(userIds)) {
    const user = await deps.store.findUser(scope, userId);
    if (user !== null) await saveUser(deps, scope, user, user.attributes);
  }
}

function symmetricDifference(a: readonly string[], b: readonly string[]): string[] {
  const [left, right] = [new Set(a), new Set(b)];
  return [...a.filter((x) => !right.has(x)), ...b.filter((x) => !left.has(x))];
}
