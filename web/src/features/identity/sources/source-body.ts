import type { SourceDraft } from "./source-draft.ts";

const orNull = (s: string) => (s.trim() === "" ? null : s.trim());
const list = (s: string, separator: RegExp) =>
  s
    .split(separator)
    .map((x) => x.trim())
    .filter((x) => x !== "");

/**
 * What the API expects of the form: only the fields of the source's kind, lists split, numbers
 * as numbers, empty text as null; the secret only when one is typed (an empty field keeps it), and
 * `rowVersion` for an update.
 */
export function toSourceBody(d: SourceDraft, rowVersion: number | null): Record<string, unknown> {
  const body: Record<string, unknown> = {
    kind: d.kind,
    memberId: d.memberId,
    label: d.label,
    enabled: d.enabled,
    mapping: {
      givenName: d.givenName,
      familyName: d.familyName,
      usualName: orNull(d.usualName),
      email: d.email,
      uid: d.uid,
      groups: orNull(d.groups),
      role:
        d.roleMode === "fixed"
          ? { fixed: d.fixedRole }
          : { attribute: d.roleAttribute, eluValues: list(d.eluValues, /,/) },
    },
    // Write-only: an empty field keeps the stored secret (never sent back by the server).
    ...(d.secret === "" ? {} : { secret: d.secret }),
    ...(rowVersion === null ? {} : { rowVersion }),
  };
  if (d.kind === "ldap") {
    body.ldap = {
      url: d.url.trim(),
      startTls: d.startTls,
      tlsCaPem: orNull(d.tlsCaPem),
      bindDn: orNull(d.bindDn),
      searchBase: d.searchBase,
      searchFilter: d.searchFilter,
      idAttribute: d.idAttribute,
      idEncoding: d.idEncoding,
      timeoutSeconds: Number(d.timeoutSeconds),
    };
  }
  if (d.kind === "oidc")
    body.oidc = { issuer: d.issuer.trim(), clientId: d.clientId, scopes: list(d.scopes, /\s+/) };
  if (d.kind === "saml") {
    body.saml = {
      idpEntityId: d.idpEntityId,
      ssoUrl: d.ssoUrl.trim(),
      ...(d.sloUrl.trim() === "" ? {} : { sloUrl: d.sloUrl.trim() }),
      idpCertificates: d.idpCertificates
        .split(/(?<=-----END CERTIFICATE-----)/)
        .map((c) => c.trim())
        .filter((c) => c !== ""),
      clockSkewSeconds: Number(d.clockSkewSeconds),
      idAttribute: d.samlIdAttribute,
    };
  }
  return body;
}
