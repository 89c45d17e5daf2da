import { z } from "zod";
import { IdParam, RowVersion } from "../shared/contract-primitives.ts";

/**
 * zod schemas of the identity federation's administration API, under
 * `/api/ententes/:id/identity/…` (sources, domains, registered addresses, persons, services, sign-in
 * log), shared by the server and the web console. Secrets (LDAP bind password, OIDC client
 * secret of a source, a service's client secret) are write-only: a response says `hasSecret`,
 * and a service's secret is returned once, by the call that creates or rotates it.
 */

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: "texte non vide attendu" })
    .max(max, { message: `${max} caractères au plus` });
const AttributeName = text(200).meta({
  description: "Attribute name as the source spells it (case-insensitive).",
});
const Pem = z
  .string()
  .max(20_000)
  .regex(/-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/, {
    message: "certificat PEM attendu (-----BEGIN CERTIFICATE----- …)",
  });
const isLoopback = (host: string) => host === "localhost" || host === "127.0.0.1" || host === "[::1]";
/** An https URL; http only towards the machine itself (tests, a proxy on the same host). */
const HttpsUrl = z
  .url({ message: "adresse web absolue attendue" })
  .max(2000)
  .refine((u) => {
    // zod runs this refinement even when `.url()` failed: that failure is already reported.
    if (!URL.canParse(u)) return true;
    const url = new URL(u);
    return url.protocol === "https:" || (url.protocol === "http:" && isLoopback(url.hostname));
  }, "https:// attendu (http:// seulement vers localhost)");

export const PersonRole = z.enum(["agent", "elu"]);
export const SourceKind = z.enum(["ldap", "oidc", "saml", "local"]);
export const SourceIdParam = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/);
export const SubParam = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/);

export const AttributeMapping = z
  .object({
    givenName: AttributeName,
    familyName: AttributeName,
    usualName: AttributeName.nullable(),
    email: AttributeName,
    uid: AttributeName,
    groups: AttributeName.nullable(),
    role: z.union([
      z.object({ fixed: PersonRole }).strict(),
      z.object({ attribute: AttributeName, eluValues: z.array(text(200)).min(1).max(50) }).strict(),
    ]),
  })
  .meta({ description: "Which source attribute feeds each pivot claim; docs/identity.md states the rules." });

export const LdapSettings = z.object({
  url: z
    .string()
    .max(2000)
    .regex(/^ldaps?:\/\/[^\s/]+(:\d{1,5})?\/?$/, { message: "ldap://hôte:389 ou ldaps://hôte:636 attendu" }),
  startTls: z.boolean(),
  tlsCaPem: Pem.nullable(),
  bindDn: text(1000).nullable(),
  searchBase: text(1000),
  searchFilter: text(2000).refine((f) => f.startsWith("(") && f.includes("{login}"), {
    message: "filtre LDAP entre parenthèses contenant {login}, ex. (uid={login})",
  }),
  idAttribute: AttributeName,
  idEncoding: z.enum(["text", "guid", "sid", "base64"]),
  timeoutSeconds: z.number().int().min(1).max(60),
});
export const OidcSourceSettings = z.object({
  issuer: HttpsUrl,
  clientId: text(500),
  scopes: z.array(z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]{1,100}$/)).max(20),
});
export const SamlSourceSettings = z.object({
  idpEntityId: text(1000),
  ssoUrl: HttpsUrl,
  sloUrl: HttpsUrl.optional(),
  idpCertificates: z.array(Pem).min(1).max(5),
  clockSkewSeconds: z.number().int().min(0).max(300),
  idAttribute: AttributeName,
});

const sourceCommon = {
  memberId: IdParam,
  label: text(200),
  enabled: z.boolean(),
  mapping: AttributeMapping,
};
const secretField = {
  secret: z
    .string()
    .min(1)
    .max(1000)
    .nullable()
    .optional()
    .meta({ description: "Write-only. Absent: keep the stored secret; null: remove it." }),
};
const kindSettings = [
  z.object({ kind: z.literal("ldap"), ldap: LdapSettings }),
  z.object({ kind: z.literal("oidc"), oidc: OidcSourceSettings }),
  z.object({ kind: z.literal("saml"), saml: SamlSourceSettings }),
  z.object({ kind: z.literal("local") }),
] as const;

/** An identity source, as written (the id is generated). */
export const SourceCreate = z.discriminatedUnion("kind", [
  kindSettings[0].extend({ ...sourceCommon, ...secretField }),
  kindSettings[1].extend({ ...sourceCommon, ...secretField }),
  kindSettings[2].extend({ ...sourceCommon, ...secretField }),
  kindSettings[3].extend({ ...sourceCommon, ...secretField }),
]);
export const SourceUpdate = z.discriminatedUnion("kind", [
  kindSettings[0].extend({ ...sourceCommon, ...secretField, rowVersion: RowVersion }),
  kindSettings[1].extend({ ...sourceCommon, ...secretField, rowVersion: RowVersion }),
  kindSettings[2].extend({ ...sourceCommon, ...secretField, rowVersion: RowVersion }),
  kindSettings[3].extend({ ...sourceCommon, ...secretField, rowVersion: RowVersion }),
]);
const sourceRead = {
  id: z.string(),
  ententeId: z.string(),
  ...sourceCommon,
  hasSecret: z.boolean(),
  rowVersion: RowVersion,
};
/** An identity source as read: never its secret. */
export const Source = z.discriminatedUnion("kind", [
  kindSettings[0].extend(sourceRead),
  kindSettings[1].extend(sourceRead),
  kindSettings[2].extend(sourceRead),
  kindSettings[3].extend(sourceRead),
]);

export const MemberDomain = z.object({
  domain: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  sourceId: z.string().nullable(),
});
export const MemberDomainCreate = z.object({
  domain: text(253),
  memberId: IdParam,
  sourceId: SourceIdParam.nullable(),
});

export const RegisteredAddress = z.object({
  email: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  sourceId: z.string(),
  role: PersonRole.nullable(),
  note: z.string().nullable(),
});
export const RegisteredAddressCreate = z.object({
  email: text(254),
  memberId: IdParam,
  sourceId: SourceIdParam,
  role: PersonRole.nullable(),
  note: text(300).nullable(),
});

export const PersonAffiliation = z.object({
  memberId: z.string(),
  memberName: z.string(),
  siren: z.string().nullable(),
  siret: z.string().nullable(),
  role: PersonRole,
  email: z.string(),
  uid: z.string(),
  groups: z.array(z.string()),
  sourceId: z.string().nullable(),
  declaredBy: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
});
export const Person = z.object({
  sub: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  usualName: z.string(),
  affiliations: z.array(PersonAffiliation),
  links: z.array(
    z.object({
      sourceId: z.string(),
      sourceLabel: z.string(),
      upstreamId: z.string(),
      lastSeenAt: z.string(),
    }),
  ),
});
export const PersonPage = z.object({ persons: z.array(Person), total: z.number().int() });
export const PersonQuery = z.object({
  memberId: IdParam.optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export const AffiliationDeclare = z.object({
  memberId: IdParam,
  role: PersonRole,
  email: text(254).nullable(),
  groups: z.array(text(200)).max(50),
});

export const GrantType = z.enum(["authorization_code", "refresh_token", "client_credentials"]);
export const ServiceWrite = z.object({
  name: text(100),
  redirectUris: z.array(z.string().max(2000)).max(20),
  postLogoutRedirectUris: z.array(z.string().max(2000)).max(20),
  backchannelLogoutUri: z.string().max(2000).nullable(),
  grantTypes: z.array(GrantType).min(1).max(3),
  tokenEndpointAuthMethod: z.enum(["client_secret_basic", "client_secret_post", "none"]),
  scopes: z.array(z.string().max(100)).max(20),
  policy: z.object({
    memberIds: z.array(IdParam).max(500).nullable(),
    roles: z.array(PersonRole).max(2).nullable(),
    groups: z.array(text(200)).max(100).nullable(),
  }),
  requiredAcr: z.string().max(200).nullable(),
  pkceExempt: z.boolean().default(false).meta({
    description:
      "Exempts a confidential service from PKCE (RFC 9700 §2.1.1 recommends it; Roundcube 1.6 cannot send it). Refused for a public client.",
  }),
  enabled: z.boolean(),
});
export const ServiceUpdate = ServiceWrite.extend({ rowVersion: RowVersion });
export const Service = ServiceWrite.extend({ clientId: z.string(), rowVersion: RowVersion });
export const ServiceCreated = z.object({
  service: Service,
  clientSecret: z.string().nullable().meta({ description: "Shown once; null for a public client." }),
});
export const ServiceSecret = z.object({ clientSecret: z.string().meta({ description: "Shown once." }) });
export const ClientIdParam = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/);

export const ResourceServerWrite = z.object({
  name: text(100),
  audience: z.string().max(2000).meta({
    description:
      "Resource indicator (RFC 8707) and `aud` of the tokens: an exact https URI, unique across the instance.",
  }),
  scopes: z.array(z.string().max(64)).min(1).max(20),
  tokenFormat: z.enum(["opaque", "jwt"]).meta({
    description:
      "opaque: checked by introspection (RFC 7662); jwt: an RFC 9068 JWT the server checks against the JWKS.",
  }),
  jwtType: z.enum(["at+jwt", "JWT"]).default("at+jwt").meta({
    description:
      "JOSE typ of JWT tokens: at+jwt (RFC 9068), or JWT for servers that refuse it (Dovecot 2.3).",
  }),
  accessTokenTtlSeconds: z.number().int().min(60).max(600),
  enabled: z.boolean(),
});
export const ResourceServerUpdate = ResourceServerWrite.extend({ rowVersion: RowVersion });
export const ResourceServer = ResourceServerWrite.extend({
  id: z.string(),
  jwtType: z.enum(["at+jwt", "JWT"]),
  rowVersion: RowVersion,
});
export const ResourceServerIdParam = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/);

export const IdentityEventKind = z.enum([
  "sign_in",
  "sign_in_refused",
  "sign_in_failed",
  "logout",
  "mfa_enrolled",
  "mfa_failed",
  "token_issued",
  "key_rotated",
]);
export const IdentityEvent = z.object({
  id: z.string(),
  kind: IdentityEventKind,
  at: z.string(),
  sub: z.string().nullable(),
  memberId: z.string().nullable(),
  clientId: z.string().nullable(),
  sourceId: z.string().nullable(),
  code: z.string().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export const IdentityEventPage = z.object({
  events: z.array(IdentityEvent),
  nextBefore: z.string().nullable(),
});
export const IdentityEventQuery = z.object({
  kind: IdentityEventKind.optional(),
  memberId: IdParam.optional(),
  sub: SubParam.optional(),
  clientId: ClientIdParam.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  before: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
