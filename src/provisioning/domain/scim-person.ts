import type { ScimAttributes } from "./scim-coerce.ts";
import { getKey } from "./scim-filter.ts";

/** What a SCIM User gives the pivot directory (identity normalises it: case, accents, spaces). */
export interface ProvisionedIdentity {
  readonly givenName: string;
  readonly familyName: string;
  readonly usualName: string;
  readonly email: string;
  readonly uid: string;
  readonly role: "agent" | "elu";
  readonly groups: readonly string[];
}

/**
 * The pivot identity of a SCIM User (docs/provisioning.md, "SCIM → pivot"): names from `name`,
 * the email from the primary email, else the `work` one, else the first, else `userName` when it
 * is an address; `uid` is `userName`; the role is `elu` when `userType` says élu/elu/elected,
 * else `agent`; the groups are the displayNames of the member's Groups the User is in.
 * @returns null when the User has no email address (the pivot identity needs one).
 */
export function toProvisionedIdentity(
  attributes: ScimAttributes,
  groups: readonly string[],
): ProvisionedIdentity | null {
  const name = (attributes.name ?? {}) as Record<string, unknown>;
  const userName = String(attributes.userName ?? "");
  const email = pickEmail(attributes) ?? (userName.includes("@") ? userName : null);
  if (email === null) return null;
  const familyName = text(name.familyName);
  return {
    givenName: text(name.givenName),
    familyName,
    usualName: familyName,
    email,
    uid: userName,
    role: /^(é|e)lu|elected/i.test(text(attributes.userType)) ? "elu" : "agent",
    groups,
  };
}

function pickEmail(attributes: ScimAttributes): string | null {
  const emails = (Array.isArray(attributes.emails) ? attributes.emails : []) as Record<string, unknown>[];
  const chosen =
    emails.find((e) => getKey(e, "primary") === true) ??
    emails.find((e) => String(getKey(e, "type") ?? "").toLowerCase() === "work") ??
    emails[0];
  const value = chosen === undefined ? undefined : getKey(chosen, "value");
  return typeof value === "string" && value.includes("@") ? value : null;
}

const text = (value: unknown) => (typeof value === "string" ? value : "");
