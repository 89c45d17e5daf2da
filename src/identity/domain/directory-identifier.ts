import { EntenteError, localized } from "../errors.ts";

/**
 * How a directory's identifier attribute becomes the `upstreamId` a person's `sub` is linked to
 * (issue 10, item 8). Two people must never get the same `upstreamId`: a binary identifier
 * (Active Directory's `objectGUID`, `objectSid`…) read as text loses every byte that is not
 * UTF-8 (each becomes U+FFFD), so two people whose identifiers differ only there would merge into
 * one `sub`. Hence: binary identifiers are encoded losslessly, and a text encoding of a binary
 * attribute is refused when the source is configured (and, for an attribute not known here, when
 * a value is not valid UTF-8 at sign-in: the LDAP connector).
 *
 * - `text`: the value as is (UTF-8; OpenLDAP `entryUUID`, `ipaUniqueID`, `nsUniqueId`…);
 * - `guid`: 16 bytes in Microsoft's mixed-endian layout (MS-DTYP §2.3.4.2) as canonical UUID text;
 * - `sid`: a security identifier (MS-DTYP §2.4.2.2) as its string form `S-1-5-21-…` (§2.4.2.1);
 * - `base64`: any bytes, as base64 (RFC 4648 §4): lossless for any binary attribute.
 */
export const LDAP_ID_ENCODINGS = ["text", "guid", "sid", "base64"] as const;
export type LdapIdEncoding = (typeof LDAP_ID_ENCODINGS)[number];

/** Binary identifier attributes of the directories we know, lowercase, with the encodings that fit. */
const BINARY_ID_ATTRIBUTES: Readonly<Record<string, readonly LdapIdEncoding[]>> = {
  objectguid: ["guid", "base64"],
  "msds-consistencyguid": ["guid", "base64"],
  "ms-ds-consistencyguid": ["guid", "base64"],
  msexchmailboxguid: ["guid", "base64"],
  // eDirectory's binary GUID attribute.
  guid: ["guid", "base64"],
  objectsid: ["sid", "base64"],
  sidhistory: ["sid", "base64"],
};

/**
 * Whether `attribute` is binary: a known binary identifier, or any attribute asked for with the
 * `;binary` option (RFC 4522).
 */
export function isBinaryAttribute(attribute: string): boolean {
  const name = attribute.trim().toLowerCase();
  return name in BINARY_ID_ATTRIBUTES || name.split(";").slice(1).includes("binary");
}

/**
 * The encodings that keep `attribute`'s values apart: for a known binary attribute those of its
 * layout; for any other binary one `base64`; for a text attribute every encoding but `text` is a
 * choice the administrator makes for a binary attribute we do not know, so all are allowed.
 */
export function encodingsFor(attribute: string): readonly LdapIdEncoding[] {
  const known = BINARY_ID_ATTRIBUTES[attribute.trim().toLowerCase()];
  if (known !== undefined) return known;
  return isBinaryAttribute(attribute) ? ["base64"] : LDAP_ID_ENCODINGS;
}

/**
 * A source's identifier attribute and encoding keep people apart: a binary attribute is never
 * read as text, and a GUID or SID layout is not applied to an attribute of the other layout.
 * @throws EntenteError `identity.source_invalid` (field `ldap.idEncoding`) naming the attribute
 *   and the encodings that fit.
 */
export function ensureIdEncodingFits(settings: {
  readonly idAttribute: string;
  readonly idEncoding: LdapIdEncoding;
}): void {
  const fits = encodingsFor(settings.idAttribute);
  if (fits.includes(settings.idEncoding)) return;
  const list = fits.map((e) => `« ${e} »`).join(", ");
  const listEn = fits.map((e) => `"${e}"`).join(", ");
  const attribute = settings.idAttribute;
  throw new EntenteError("identity.source_invalid", {
    field: "ldap.idEncoding",
    expected: localized(
      `${list} pour l'attribut binaire « ${attribute} » (« ${settings.idEncoding} » confondrait des personnes dont les identifiants ne diffèrent que par des octets non UTF-8, ou ne lit pas ce format)`,
      `${listEn} for the binary attribute "${attribute}" ("${settings.idEncoding}" would merge people whose identifiers differ only in non-UTF-8 bytes, or does not read that layout)`,
    ),
  });
}
