import { EntenteError, localized } from "../errors.ts";
import type { AttributeMapping } from "./identity-source.ts";
import type { PersonRole } from "./person.ts";

/**
 * The pivot identity (identité pivot, DESIGN.md pillar 2): what every source's attributes are
 * turned into before Entente stores or releases them. The rules, documented in docs/identity.md:
 *
 * - attribute names are looked up case-insensitively (`mail`, `Mail` and `MAIL` are one attribute;
 *   when a source sends several spellings their values are joined in the order received);
 * - every value is put in Unicode NFC, its whitespace runs collapsed to one space and trimmed;
 * - a single-valued claim takes the first non-empty value; `groups` takes them all;
 * - names keep their case and accents (« Éléonore DE LA FONTAINE » stays so);
 * - the email is lowercased and must look like an address (`local@domain.tld`); it counts as
 *   verified unless the source says otherwise: an `email_verified` attribute (OIDC Core §5.1)
 *   whose first value is not `true` makes it unverified, and services then receive
 *   `email_verified: false`;
 * - a group given as an LDAP DN (RFC 4514) is reduced to the value of its first RDN
 *   (`cn=Élus,ou=groups,dc=lyon,dc=fr` → `Élus`); groups are deduplicated case-insensitively
 *   (the spelling that sorts first is kept) and sorted;
 * - the role is fixed for the source, or `elu` when one value of the role attribute (or the first
 *   RDN value of a DN) equals one of `eluValues`, case-insensitively; otherwise `agent`.
 */

/** A normalised pivot identity as one source describes the person. */
export interface NormalizedIdentity {
  readonly givenName: string;
  readonly familyName: string;
  /** Nom d'usage; the family name when the source gives none. */
  readonly usualName: string;
  readonly email: string;
  readonly emailVerified: boolean;
  readonly uid: string;
  readonly groups: string[];
  readonly role: PersonRole;
}

/** NFC, whitespace runs (including no-break spaces) collapsed to one space, trimmed. */
export function normalizeText(value: string): string {
  return value.normalize("NFC").replace(/\s+/gu, " ").trim();
}

/** Lowercase, NFC form of an email; no check (see `isEmailAddress`). */
export function normalizeEmail(value: string): string {
  return normalizeText(value).toLowerCase().normalize("NFC");
}

const EMAIL = /^[^\s@"<>(),;:\\[\]]+@(?:[^\s@"<>(),;:\\[\].]+\.)+[^\s@"<>(),;:\\[\].]+$/u;

/** Whether `value` (already normalised) has the form `local@domain.tld`, at most 254 characters (RFC 5321 §4.5.3.1.3). */
export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/**
 * The domain of an email address, lowercased, without a trailing dot: `Jean@Lyon.FR` → `lyon.fr`.
 * @returns null when the text has no `@` or nothing after it.
 */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 0) return null;
  const domain = normalizeEmail(email.slice(at + 1)).replace(/\.$/u, "");
  return domain === "" ? null : domain;
}

const DOMAIN_NAME =
  /^(?=.{1,253}$)(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

/** Whether `domain` (already lowercased) is a DNS name of at least two labels (RFC 1035 §2.3.1, letters of any script allowed). */
export function isDomainName(domain: string): boolean {
  return DOMAIN_NAME.test(domain);
}

const RDN = /^\s*(?:[A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)*)\s*=/u;

/** Splits at the commas that are not escaped (RFC 4514 §2.4). */
function splitRdns(value: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < value.length; i += 1) {
    const c = value[i] as string;
    if (c === "\\") {
      current += value.slice(i, i + 2);
      i += 1;
    } else if (c === ",") {
      parts.push(current);
      current = "";
    } else current += c;
  }
  parts.push(current);
  return parts;
}

/** Whether `value` reads as a DN of at least two RDNs, each `type=value`. */
function isDn(value: string): boolean {
  const rdns = splitRdns(value);
  return rdns.length >= 2 && rdns.every((rdn) => RDN.test(rdn));
}

/**
 * The value of the first RDN when `value` is an LDAP DN of at least two RDNs (RFC 4514 §3:
 * escapes `\\,` and `\\2C` are decoded; a multi-valued RDN `cn=a+sn=b,dc=x` gives `a`), else
 * `value` unchanged. A group DN always has a parent (`cn=x,ou=groups,…`); requiring one keeps a
 * plain group name such as `a=b` as it is. Applied until the result is no DN, so that applying it
 * twice changes nothing.
 */
export function firstRdnValue(value: string): string {
  let current = value;
  while (isDn(current)) current = decodeFirstRdnValue(current);
  return current;
}

function decodeFirstRdnValue(value: string): string {
  const start = value.indexOf("=") + 1;
  let out = "";
  for (let i = start; i < value.length; i += 1) {
    const c = value[i] as string;
    if (c === "," || c === "+" || c === ";") break;
    if (c !== "\\") {
      out += c;
      continue;
    }
    const hex = value.slice(i + 1, i + 3);
    if (/^[0-9A-Fa-f]{2}$/u.test(hex)) {
      out += decodeHexRun(value, i);
      i += hexRunLength(value, i) - 1;
    } else if (i + 1 < value.length) {
      out += value[i + 1];
      i += 1;
    }
  }
  return normalizeText(out);
}

/** Length of a run of `\XX` escapes starting at `at` (RFC 4514 encodes UTF-8 bytes one by one). */
function hexRunLength(value: string, at: number): number {
  let i = at;
  while (value[i] === "\\" && /^[0-9A-Fa-f]{2}$/u.test(value.slice(i + 1, i + 3))) i += 3;
  return i - at;
}

function decodeHexRun(value: string, at: number): string {
  const run = value.slice(at, at + hexRunLength(value, at));
  const bytes = new Uint8Array(run.length / 3);
  for (let k = 0; k < bytes.length; k += 1) bytes[k] = Number.parseInt(run.slice(k * 3 + 1, k * 3 + 3), 16);
  return new TextDecoder().decode(bytes);
}

/** Values of `name` (case-insensitive), normalised, empty ones dropped, in the order received. */
function valuesOf(attributes: Readonly<Record<string, readonly string[]>>, name: string): string[] {
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const [key, list] of Object.entries(attributes)) {
    if (key.toLowerCase() !== wanted) continue;
    for (const raw of list) {
      const value = normalizeText(raw);
      if (value !== "") values.push(value);
    }
  }
  return values;
}

/** Orders case-insensitively, then by code units, so that the result never depends on the input order. */
function compareGroups(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Groups: DN values reduced to their first RDN value, deduplicated case-insensitively, sorted. */
export function normalizeGroups(values: readonly string[]): string[] {
  const reduced = values.map((v) => firstRdnValue(normalizeText(v))).filter((v) => v !== "");
  reduced.sort(compareGroups);
  const seen = new Set<string>();
  const groups: string[] = [];
  for (const group of reduced) {
    const key = group.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    groups.push(group);
  }
  return groups;
}

/**
 * Turns the attributes a source released into the pivot identity (rules above).
 *
 * @param attributes names as the source spells them, every value a list.
 * @param mapping which attribute feeds each claim.
 * @param sourceLabel the source's label, for error messages.
 * @throws EntenteError `identity.attribute_missing` (details `source`, `attribute`, `claim`) when
 *   `givenName`, `familyName`, `email` or `uid` has no non-empty value (a missing `usualName`
 *   falls back to the family name); `identity.upstream_rejected` when the email is not an address.
 * @example
 * normalizeIdentity({ GivenName: [" Éloïse "], sn: ["MARTIN"], mail: ["E.Martin@Lyon.fr"], uid: ["emartin"] },
 *   { givenName: "givenname", familyName: "sn", usualName: null, email: "mail", uid: "uid", groups: null,
 *     role: { fixed: "agent" } }, "Annuaire de Lyon")
 * // → { givenName: "Éloïse", familyName: "MARTIN", usualName: "MARTIN", email: "e.martin@lyon.fr",
 * //     emailVerified: true, uid: "emartin", groups: [], role: "agent" }
 */
export function normalizeIdentity(
  attributes: Readonly<Record<string, readonly string[]>>,
  mapping: AttributeMapping,
  sourceLabel: string,
): NormalizedIdentity {
  const required = (claim: string, attribute: string): string => {
    const value = valuesOf(attributes, attribute)[0];
    if (value === undefined) {
      throw new EntenteError("identity.attribute_missing", { source: sourceLabel, attribute, claim });
    }
    return value;
  };
  const givenName = required("given_name", mapping.givenName);
  const familyName = required("family_name", mapping.familyName);
  const usualName =
    mapping.usualName === null ? familyName : (valuesOf(attributes, mapping.usualName)[0] ?? familyName);
  const email = normalizeEmail(required("email", mapping.email));
  if (!isEmailAddress(email)) {
    throw new EntenteError("identity.upstream_rejected", {
      source: sourceLabel,
      reason: localized(
        `l'attribut « ${mapping.email} » n'est pas une adresse électronique`,
        `the attribute "${mapping.email}" is not an email address`,
      ),
    });
  }
  const uid = required("uid", mapping.uid);
  const groups = mapping.groups === null ? [] : normalizeGroups(valuesOf(attributes, mapping.groups));
  const verified = valuesOf(attributes, "email_verified")[0];
  const emailVerified = verified === undefined || verified.toLowerCase() === "true";
  return {
    givenName,
    familyName,
    usualName,
    email,
    emailVerified,
    uid,
    groups,
    role: decideRole(attributes, mapping.role),
  };
}

function decideRole(
  attributes: Readonly<Record<string, readonly string[]>>,
  rule: AttributeMapping["role"],
): PersonRole {
  if ("fixed" in rule) return rule.fixed;
  const elu = new Set(rule.eluValues.map((v) => normalizeText(v).toLowerCase()));
  const values = valuesOf(attributes, rule.attribute);
  const isElu = values.some((v) => elu.has(v.toLowerCase()) || elu.has(firstRdnValue(v).toLowerCase()));
  return isElu ? "elu" : "agent";
}
