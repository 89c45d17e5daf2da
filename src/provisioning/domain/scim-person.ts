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

/** An address a User carries, with the attribute that carries it (named as in SCIM errors). */
export interface CarriedAddress {
  readonly attribute: string;
  readonly value: string;
}

/**
 * Every address a User carries: its `userName` when it is an address, and each `emails[].value`
 * (docs/provisioning.md: an address outside the member's domains is refused — every one of
 * them, not only the one the person's email is taken from).
 */
export function carriedAddresses(attributes: ScimAttributes): CarriedAddress[] {
  const userName = typeof attributes.userName === "string" ? attributes.userName.trim() : "";
  const emails = (Array.isArray(attributes.emails) ? attributes.emails : []) as unknown[];
  const carried: CarriedAddress[] = userName.includes("@")
    ? [{ attribute: "userName", value: userName }]
    : [];
  for (const [index, entry] of emails.entries()) {
    const value = entry !== null && typeof entry === "object" ? getKey(entry, "value") : undefined;
    if (typeof value === "string" && value.includes("@"))
      carried.push({ attribute: `emails[${index}].value`, value: value.trim() });
  }
  return carried;
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

/**
 * A person's account at one member as connectors receive it (the event's payload): the state
 * after the change, so that delivering it twice changes nothing more.
 */
export interface AccountState {
  readonly userName: string;
  readonly active: boolean;
  readonly email: string | null;
  readonly givenName: string;
  readonly familyName: string;
  readonly displayName: string;
  readonly role: "agent" | "elu";
  readonly groups: readonly string[];
}

/** The account state of a SCIM User (see `toProvisionedIdentity` for the mapping). */
export function accountState(
  attributes: ScimAttributes,
  groups: readonly string[],
  active: boolean,
): AccountState {
  const identity = toProvisionedIdentity(attributes, groups);
  const userName = String(attributes.userName ?? "");
  const names = [identity?.givenName ?? "", identity?.familyName ?? ""].filter((n) => n !== "").join(" ");
  return {
    userName,
    active,
    email: identity?.email ?? null,
    givenName: identity?.givenName ?? "",
    familyName: identity?.familyName ?? "",
    displayName: text(attributes.displayName) || names || userName,
    role: identity?.role ?? "agent",
    groups: [...groups],
  };
}
