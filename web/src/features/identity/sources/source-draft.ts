import type { z } from "zod";
import type { Source } from "../../../../../src/identity/contracts.ts";

/** An identity source of a member as the API describes it (never its secret). */
export type SourceJson = z.infer<typeof Source>;
/** The kinds of source, in the form's order. */
export const SOURCE_KINDS = ["ldap", "oidc", "saml", "local"] as const;

/** Every field of the form as text, whatever the kind (only the kind's own are sent). */
export const EMPTY_SOURCE = {
  kind: "ldap" as SourceJson["kind"],
  memberId: "",
  label: "",
  enabled: true,
  secret: "",
  url: "ldaps://",
  startTls: false,
  tlsCaPem: "",
  bindDn: "",
  searchBase: "",
  searchFilter: "(&(objectClass=person)(|(uid={login})(mail={login})))",
  idAttribute: "entryUUID",
  idEncoding: "text" as "text" | "guid" | "sid" | "base64",
  timeoutSeconds: "5",
  issuer: "https://",
  clientId: "",
  scopes: "openid profile email",
  idpEntityId: "",
  ssoUrl: "https://",
  sloUrl: "",
  idpCertificates: "",
  clockSkewSeconds: "60",
  samlIdAttribute: "nameID",
  givenName: "givenName",
  familyName: "sn",
  usualName: "",
  email: "mail",
  uid: "uid",
  groups: "memberOf",
  roleMode: "fixed" as "fixed" | "attribute",
  fixedRole: "agent" as "agent" | "elu",
  roleAttribute: "",
  eluValues: "",
};
/** A source as edited: every field of every kind as text (or a flag), only the kind's own sent. */
export type SourceDraft = typeof EMPTY_SOURCE;

/** A source as the form edits it: lists joined (certificates by line, scopes by space), numbers as text. */
export function toSourceDraft(s: SourceJson): SourceDraft {
  const m = s.mapping;
  const draft: SourceDraft = {
    ...EMPTY_SOURCE,
    kind: s.kind,
    memberId: s.memberId,
    label: s.label,
    enabled: s.enabled,
    givenName: m.givenName,
    familyName: m.familyName,
    usualName: m.usualName ?? "",
    email: m.email,
    uid: m.uid,
    groups: m.groups ?? "",
    roleMode: "fixed" in m.role ? "fixed" : "attribute",
    fixedRole: "fixed" in m.role ? m.role.fixed : "agent",
    roleAttribute: "attribute" in m.role ? m.role.attribute : "",
    eluValues: "eluValues" in m.role ? m.role.eluValues.join(", ") : "",
  };
  if (s.kind === "ldap") {
    const l = s.ldap;
    Object.assign(draft, {
      url: l.url,
      startTls: l.startTls,
      tlsCaPem: l.tlsCaPem ?? "",
      bindDn: l.bindDn ?? "",
      searchBase: l.searchBase,
      searchFilter: l.searchFilter,
      idAttribute: l.idAttribute,
      idEncoding: l.idEncoding,
      timeoutSeconds: String(l.timeoutSeconds),
    });
  }
  if (s.kind === "oidc") Object.assign(draft, { ...s.oidc, scopes: s.oidc.scopes.join(" ") });
  if (s.kind === "saml") {
    Object.assign(draft, {
      idpEntityId: s.saml.idpEntityId,
      ssoUrl: s.saml.ssoUrl,
      sloUrl: s.saml.sloUrl ?? "",
      idpCertificates: s.saml.idpCertificates.join("\n"),
      clockSkewSeconds: String(s.saml.clockSkewSeconds),
      samlIdAttribute: s.saml.idAttribute,
    });
  }
  return draft;
}
