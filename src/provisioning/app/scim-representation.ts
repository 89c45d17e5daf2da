import { etagOf } from "../domain/scim-etag.ts";
import { findAttribute, type ResourceType } from "../domain/scim-schemas.ts";
import type { ResourceRef, StoredGroup, StoredUser } from "./ports.ts";

/** A resource as a client reads it. */
export type ScimResource = Record<string, unknown>;

/**
 * A User as RFC 7643 §4.1 shows it: the stored attributes, `id`, the Groups it is in (computed,
 * read-only) and `meta` with `location` under `base` (the member's SCIM URL) and the ETag.
 */
export function userResource(user: StoredUser, base: string): ScimResource {
  const { schemas, ...attributes } = user.attributes;
  return {
    schemas,
    id: user.id,
    ...attributes,
    groups: user.groups.map((g) => ref(g, `${base}/Groups/${g.value}`, "direct")),
    meta: meta("User", user, `${base}/Users/${user.id}`),
  };
}

/** A Group as RFC 7643 §4.2 shows it, with its members and `meta`. */
export function groupResource(group: StoredGroup, base: string): ScimResource {
  const { schemas, ...attributes } = group.attributes;
  return {
    schemas,
    id: group.id,
    ...attributes,
    displayName: group.displayName,
    members: group.members.map((m) => ref(m, `${base}/Users/${m.value}`, "User")),
    meta: meta("Group", group, `${base}/Groups/${group.id}`),
  };
}

/** What a PATCH applies to: the writable attributes only (no id, meta or computed groups). */
export function patchableUser(user: StoredUser): ScimResource {
  return { ...user.attributes };
}

/** A Group's writable attributes, its members by id. */
export function patchableGroup(group: StoredGroup): ScimResource {
  return {
    ...group.attributes,
    displayName: group.displayName,
    members: group.members.map((m) => ({ value: m.value })),
  };
}

const ref = (r: ResourceRef, location: string, type: string) => ({
  value: r.value,
  $ref: location,
  display: r.display,
  type,
});

function meta(
  resourceType: ResourceType,
  resource: { readonly created: Date; readonly lastModified: Date; readonly version: number },
  location: string,
) {
  return {
    resourceType,
    created: resource.created.toISOString(),
    lastModified: resource.lastModified.toISOString(),
    location,
    version: etagOf(resource.version),
  };
}

/**
 * Applies `attributes` / `excludedAttributes` (RFC 7644 §3.4.2.5, §3.9) to top-level attributes:
 * `schemas`, `id` and `meta` are always returned; an attribute named with its sub-attribute
 * (`name.givenName`) keeps its parent; an extension attribute keeps the extension.
 */
export function projectAttributes(
  type: ResourceType,
  resource: ScimResource,
  query: { readonly attributes?: string | undefined; readonly excludedAttributes?: string | undefined },
): ScimResource {
  const always = new Set(["schemas", "id", "meta"]);
  if (query.attributes !== undefined && query.attributes.trim() !== "") {
    const wanted = topLevelNames(type, query.attributes);
    return Object.fromEntries(
      Object.entries(resource).filter(([k]) => always.has(k) || wanted.has(k.toLowerCase())),
    );
  }
  if (query.excludedAttributes !== undefined && query.excludedAttributes.trim() !== "") {
    const excluded = topLevelNames(type, query.excludedAttributes);
    return Object.fromEntries(
      Object.entries(resource).filter(([k]) => always.has(k) || !excluded.has(k.toLowerCase())),
    );
  }
  return resource;
}

function topLevelNames(type: ResourceType, list: string): Set<string> {
  const names = new Set<string>();
  for (const raw of list.split(",").map((s) => s.trim())) {
    const extension = /^(urn:.*:User)(?::|$)/i.exec(raw);
    if (extension?.[1] !== undefined && !/core:2\.0/i.test(extension[1]))
      names.add(extension[1].toLowerCase());
    else {
      const path = raw.replace(/^urn:ietf:params:scim:schemas:core:2\.0:(User|Group):/i, "");
      const top = path.split(".")[0] ?? "";
      names.add((findAttribute(type, top)?.name ?? top).toLowerCase());
    }
  }
  return names;
}
