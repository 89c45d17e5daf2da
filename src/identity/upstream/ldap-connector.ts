import type { Entry } from "ldapts";
import { Client, Filter, InvalidCredentialsError, ResultCodeError } from "ldapts";
import type { PasswordConnector } from "../app/ports.ts";
import type { LdapSettings, SourceRecord } from "../domain/identity-source.ts";
import type { UpstreamAttributes, UpstreamIdentity } from "../domain/upstream-identity.ts";
import { EntenteError } from "../errors.ts";
import { guidBytesToUuid, sidBytesToString } from "./guid.ts";

/**
 * Attributes read from the person's entry besides the configured ones. `memberOf` and
 * `entryUUID` are operational (RFC 4512 §3.4): a directory returns them only when asked by name.
 */
const OPERATIONAL_ATTRIBUTES = ["entryUUID", "memberOf"] as const;

/**
 * LDAP / Active Directory as a `PasswordConnector` (ldapts 9), the classic "search then bind":
 * 1. connect (`ldap://` + StartTLS, RFC 4513 §3, or `ldaps://`), with the source's CA, in
 *    `timeoutSeconds`;
 * 2. bind with the service account (`bindDn` + the source's secret) or stay anonymous;
 * 3. search `searchBase` with `searchFilter` where every `{login}` is the login escaped per
 *    RFC 4515 §3 (ldapts' `Filter.escape`): exactly one entry, else the login is refused;
 * 4. bind as that entry's DN with the typed password (an empty password is refused before any
 *    bind: RFC 4513 §5.1.2 makes it an "unauthenticated bind" that many servers accept);
 * 5. read the entry's attributes (mapping + `entryUUID`, `memberOf`) as that person;
 * 6. unbind, whatever happened.
 *
 * `upstreamId` is `idAttribute`, read as bytes and encoded losslessly (`upstreamIdOf`): UTF-8
 * text as is (a value that is not UTF-8 is refused), AD's 16-byte `objectGUID` as canonical
 * lowercase UUID text (`guid`), a binary SID as `S-1-5-21-…` (`sid`), any bytes as base64.
 * The values of `memberOf` (group DNs) are given as each group's name, the DN's first RDN value (`cn=agents-ville,ou=groups,…` →
 * `agents-ville`), so a mapping `groups: "memberOf"` yields names. amr is `["pwd"]` (RFC 8176).
 *
 * Errors: wrong password or unknown login `identity.invalid_credentials` (the same answer for
 * both, no user enumeration); refused connection, timeout or TLS failure
 * `identity.source_unreachable`; anything else the directory answers (several entries, no id,
 * service account refused) `identity.upstream_rejected`.
 *
 * @example
 * const ldap = createLdapConnector();
 * const identity = await ldap.authenticate(source, "alice.martin", "…");
 */
export function createLdapConnector(options: { readonly now?: () => Date } = {}): PasswordConnector {
  void options.now; // no clock needed today; kept so that every connector is built the same way
  return {
    async authenticate(source, login, password) {
      if (source.kind !== "ldap") {
        throw new EntenteError("identity.upstream_rejected", {
          source: source.label,
          reason: "not an LDAP source",
        });
      }
      // RFC 4513 §5.1.2: a simple bind with a DN and an empty password is an unauthenticated bind
      // that succeeds on many servers; it must never mean "signed in".
      if (password.length === 0 || login.trim().length === 0) {
        throw new EntenteError("identity.invalid_credentials");
      }
      return authenticateWithLdap(source, source.ldap, login, password);
    },
  };
}

async function authenticateWithLdap(
  source: SourceRecord,
  settings: LdapSettings,
  login: string,
  password: string,
): Promise<UpstreamIdentity> {
  const timeoutMs = Math.max(1, settings.timeoutSeconds) * 1000;
  const tlsOptions = {
    ...(settings.tlsCaPem === null ? {} : { ca: [settings.tlsCaPem] }),
    minVersion: "TLSv1.2" as const,
  };
  const ldaps = settings.url.toLowerCase().startsWith("ldaps:");
  const client = new Client({
    url: settings.url,
    timeout: timeoutMs,
    connectTimeout: timeoutMs,
    // ldapts opens TLS at once whenever tlsOptions are given, even on ldap://: only for ldaps://.
    ...(ldaps ? { tlsOptions } : {}),
    strictDN: true,
  });
  let step: LdapStep = "connect";
  try {
    if (settings.startTls) {
      if (ldaps) {
        throw new EntenteError("identity.upstream_rejected", {
          source: source.label,
          reason: "StartTLS asked on an ldaps:// URL",
        });
      }
      await client.startTLS(tlsOptions);
    }
    step = "service-bind";
    if (settings.bindDn !== null) await client.bind(settings.bindDn, source.secret ?? "");
    step = "search";
    const dn = await findPersonDn(client, source, settings, login);
    step = "user-bind";
    await client.bind(dn, password);
    step = "read";
    const entry = await readEntry(client, source, settings, dn);
    return toIdentity(source, settings, entry);
  } catch (error) {
    throw mapLdapError(error, source, step);
  } finally {
    await client.unbind().catch(() => undefined); // closing a dead connection may fail: nothing left to do
  }
}

type LdapStep = "connect" | "service-bind" | "search" | "user-bind" | "read";

/** The filter with `{login}` replaced by the login escaped per RFC 4515 §3 (`*`, `(`, `)`, `\`, NUL). */
export function buildLdapFilter(template: string, login: string): string {
  return template.replaceAll("{login}", Filter.escape(login));
}

async function findPersonDn(
  client: Client,
  source: SourceRecord,
  settings: LdapSettings,
  login: string,
): Promise<string> {
  const { searchEntries } = await client.search(settings.searchBase, {
    scope: "sub",
    filter: buildLdapFilter(settings.searchFilter, login),
    attributes: ["1.1"], // RFC 4511 §4.5.1.8: no attributes, only the DN
    sizeLimit: 2,
    timeLimit: settings.timeoutSeconds,
  });
  if (searchEntries.length === 0) throw new EntenteError("identity.invalid_credentials");
  if (searchEntries.length > 1) {
    throw new EntenteError("identity.upstream_rejected", {
      source: source.label,
      reason: "the login matches several entries",
    });
  }
  const dn = searchEntries[0]?.dn ?? "";
  if (dn === "") {
    throw new EntenteError("identity.upstream_rejected", {
      source: source.label,
      reason: "entry without DN",
    });
  }
  return dn;
}

function mappedAttributeNames(source: SourceRecord, settings: LdapSettings): string[] {
  const m = source.mapping;
  const names = [m.givenName, m.familyName, m.usualName, m.email, m.uid, m.groups, settings.idAttribute];
  if ("attribute" in m.role) names.push(m.role.attribute);
  return [
    ...new Set([...names.filter((n): n is string => n !== null && n !== ""), ...OPERATIONAL_ATTRIBUTES]),
  ];
}

async function readEntry(
  client: Client,
  source: SourceRecord,
  settings: LdapSettings,
  dn: string,
): Promise<Entry> {
  const { searchEntries } = await client.search(dn, {
    scope: "base",
    filter: "(objectClass=*)",
    attributes: mappedAttributeNames(source, settings),
    // The identifier is always read as bytes: `upstreamIdOf` decides how they become text.
    explicitBufferAttributes: [settings.idAttribute],
    sizeLimit: 1,
    timeLimit: settings.timeoutSeconds,
  });
  const entry = searchEntries[0];
  if (entry === undefined) {
    throw new EntenteError("identity.upstream_rejected", {
      source: source.label,
      reason: "the person cannot read their own entry",
    });
  }
  return entry;
}

function valuesOf(entry: Entry, name: string): Array<string | Buffer> {
  const key = Object.keys(entry).find((k) => k.toLowerCase() === name.toLowerCase());
  if (key === undefined || key === "dn") return [];
  const raw = entry[key];
  if (raw === undefined) return [];
  return Array.isArray(raw) ? raw : [raw];
}

function toIdentity(source: SourceRecord, settings: LdapSettings, entry: Entry): UpstreamIdentity {
  const idValues = valuesOf(entry, settings.idAttribute);
  if (idValues.length !== 1) {
    throw new EntenteError("identity.upstream_rejected", {
      source: source.label,
      reason: `${idValues.length} values for the identifier ${settings.idAttribute}`,
    });
  }
  const [rawId] = idValues as [string | Buffer];
  const upstreamId = upstreamIdOf(source, settings, toBuffer(rawId));
  if (upstreamId === "") {
    throw new EntenteError("identity.upstream_rejected", {
      source: source.label,
      reason: "empty identifier",
    });
  }
  const attributes: Record<string, readonly string[]> = {};
  for (const [name, raw] of Object.entries(entry)) {
    if (name === "dn") continue;
    const list = Array.isArray(raw) ? raw : [raw];
    if (name.toLowerCase() === settings.idAttribute.toLowerCase()) {
      attributes[name] = [upstreamId];
    } else {
      // Other binary values (photos, certificates) are not identity attributes: base64 keeps them intact.
      attributes[name] = list.map((v) => (Buffer.isBuffer(v) ? v.toString("base64") : String(v)));
    }
  }
  // memberOf (RFC 2307bis / AD) holds group DNs: the connector gives each group's name (its cn).
  const memberOfKey = Object.keys(attributes).find((k) => k.toLowerCase() === "memberof");
  if (memberOfKey !== undefined) {
    attributes[memberOfKey] = (attributes[memberOfKey] ?? []).map(groupNameOfDn).filter((g) => g !== "");
  }
  const frozen: UpstreamAttributes = Object.freeze(attributes);
  return { sourceId: source.id, upstreamId, attributes: frozen, amr: ["pwd"], acr: null };
}

function toBuffer(value: string | Buffer): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value, "binary");
}

/**
 * The value of a group DN's first RDN (`cn=agents-ville,ou=groups,…` → `agents-ville`), with
 * RFC 4514 §2.4 escapes undone (`\,` and `\2C` → `,`).
 */
export function groupNameOfDn(dn: string): string {
  let i = 0;
  let inValue = false;
  const bytes: number[] = [];
  while (i < dn.length) {
    const c = dn[i] as string;
    if (!inValue) {
      if (c === "=") inValue = true;
      i += 1;
      continue;
    }
    if (c === "\\") {
      const hex = dn.slice(i + 1, i + 3);
      if (/^[0-9a-fA-F]{2}$/.test(hex)) {
        bytes.push(Number.parseInt(hex, 16));
        i += 3;
      } else {
        bytes.push(...Buffer.from(dn[i + 1] ?? "", "utf8"));
        i += 2;
      }
      continue;
    }
    if (c === "," || c === "+") break;
    bytes.push(...Buffer.from(c, "utf8"));
    i += 1;
  }
  return Buffer.from(bytes).toString("utf8").trim();
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EPIPE",
]);

function isNetworkOrTlsError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") {
    if (NETWORK_CODES.has(code)) return true;
    // Node's TLS verification failures: UNABLE_TO_VERIFY_LEAF_SIGNATURE, SELF_SIGNED_CERT_IN_CHAIN,
    // DEPTH_ZERO_SELF_SIGNED_CERT, CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID, ERR_SSL_*.
    if (/CERT|SIGNATURE|SELF_SIGNED|^ERR_TLS|^ERR_SSL|UNABLE_TO/.test(code)) return true;
  }
  const message = error.message.toLowerCase();
  return (
    message.includes("timeout") ||
    message.includes("timed out") ||
    message.includes("connection closed") ||
    message.includes("socket") ||
    message.includes("tls")
  );
}

function mapLdapError(error: unknown, source: SourceRecord, step: LdapStep): EntenteError {
  if (error instanceof EntenteError) return error;
  const label = source.label;
  if (error instanceof InvalidCredentialsError) {
    // The service account refused is a configuration problem of the source, not the person's password.
    if (step === "service-bind") {
      return new EntenteError(
        "identity.upstream_rejected",
        { source: label, reason: "service account refused" },
        { cause: error },
      );
    }
    return new EntenteError("identity.invalid_credentials", {}, { cause: error });
  }
  if (error instanceof ResultCodeError) {
    // 51 busy, 52 unavailable: the directory is there but does not serve.
    if (error.code === 51 || error.code === 52) {
      return new EntenteError("identity.source_unreachable", { source: label }, { cause: error });
    }
    return new EntenteError(
      "identity.upstream_rejected",
      { source: label, reason: `LDAP result ${error.code} at ${step}` },
      { cause: error },
    );
  }
  if (step === "connect" || isNetworkOrTlsError(error)) {
    return new EntenteError("identity.source_unreachable", { source: label }, { cause: error });
  }
  return new EntenteError(
    "identity.upstream_rejected",
    { source: label, reason: `malformed answer at ${step}` },
    { cause: error },
  );
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The identifier's bytes as the `upstreamId`, losslessly (src/identity/domain/directory-identifier.ts):
 * `text` only when they are valid UTF-8 — a binary value read as text would merge the people whose
 * identifiers differ in non-UTF-8 bytes; `guid` and `sid` in their string forms; `base64` as is.
 * @throws EntenteError `identity.upstream_rejected` naming the attribute and what to configure.
 */
function upstreamIdOf(source: SourceRecord, settings: LdapSettings, bytes: Buffer): string {
  const refuse = (reason: string) =>
    new EntenteError("identity.upstream_rejected", { source: source.label, reason });
  try {
    switch (settings.idEncoding) {
      case "guid":
        return guidBytesToUuid(bytes);
      case "sid":
        return sidBytesToString(bytes);
      case "base64":
        return bytes.toString("base64");
      case "text":
        return STRICT_UTF8.decode(bytes).trim();
    }
  } catch (error) {
    if (settings.idEncoding === "text") {
      throw refuse(
        `the identifier ${settings.idAttribute} is binary, not UTF-8 text: set its encoding to guid, sid or base64`,
      );
    }
    throw refuse(
      `the identifier ${settings.idAttribute} is no ${settings.idEncoding}: ${(error as Error).message}`,
    );
  }
}
