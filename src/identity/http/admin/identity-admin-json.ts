import type { IdentityEventEntry } from "../../domain/identity-event.ts";
import type { SourceRecord } from "../../domain/identity-source.ts";
import type { DirectoryPerson } from "../../domain/person.ts";
import type { ResourceServerRecord } from "../../domain/resource-server.ts";
import type { ServiceClientRecord } from "../../domain/service-client.ts";

/** Records of the identity administration turned into the shapes of src/contracts/identity-api.ts. */

/** A source without its secret: only whether it has one. */
export function sourceJson(source: SourceRecord) {
  const m = source.mapping;
  const common = {
    id: source.id,
    ententeId: source.ententeId,
    memberId: source.memberId,
    label: source.label,
    enabled: source.enabled,
    mapping: {
      ...m,
      role:
        "fixed" in m.role
          ? { fixed: m.role.fixed }
          : { attribute: m.role.attribute, eluValues: [...m.role.eluValues] },
    },
    hasSecret: source.secret !== null,
    rowVersion: source.rowVersion,
  };
  switch (source.kind) {
    case "ldap":
      return { ...common, kind: source.kind, ldap: { ...source.ldap } };
    case "oidc":
      return { ...common, kind: source.kind, oidc: { ...source.oidc, scopes: [...source.oidc.scopes] } };
    case "saml":
      return {
        ...common,
        kind: source.kind,
        saml: { ...source.saml, idpCertificates: [...source.saml.idpCertificates] },
      };
    case "local":
      return { ...common, kind: source.kind };
  }
}

/** A person as the API shows it (dates as ISO text). */
export function personJson(person: DirectoryPerson) {
  return {
    sub: person.sub,
    givenName: person.givenName,
    familyName: person.familyName,
    usualName: person.usualName,
    affiliations: person.affiliations.map((a) => ({
      memberId: a.memberId,
      memberName: a.memberName,
      siren: a.siren,
      siret: a.siret,
      role: a.role,
      email: a.email,
      uid: a.uid,
      groups: [...a.groups],
      sourceId: a.sourceId,
      declaredBy: a.declaredBy,
      lastSeenAt: a.lastSeenAt?.toISOString() ?? null,
    })),
    links: person.links.map((l) => ({ ...l, lastSeenAt: l.lastSeenAt.toISOString() })),
  };
}

/** A service as the API shows it (never its secret). */
export function serviceJson(service: ServiceClientRecord) {
  return {
    clientId: service.clientId,
    name: service.name,
    redirectUris: [...service.redirectUris],
    postLogoutRedirectUris: [...service.postLogoutRedirectUris],
    backchannelLogoutUri: service.backchannelLogoutUri,
    grantTypes: [...service.grantTypes],
    tokenEndpointAuthMethod: service.tokenEndpointAuthMethod,
    scopes: [...service.scopes],
    policy: {
      memberIds: service.policy.memberIds === null ? null : [...service.policy.memberIds],
      roles: service.policy.roles === null ? null : [...service.policy.roles],
      groups: service.policy.groups === null ? null : [...service.policy.groups],
    },
    requiredAcr: service.requiredAcr,
    pkceExempt: service.pkceExempt === true,
    enabled: service.enabled,
    rowVersion: service.rowVersion,
  };
}

/** An event of the sign-in log as the API shows it. */
export function identityEventJson(event: IdentityEventEntry) {
  return {
    id: event.id,
    kind: event.kind,
    at: event.at.toISOString(),
    sub: event.sub,
    memberId: event.memberId,
    clientId: event.clientId,
    sourceId: event.sourceId,
    code: event.code,
    requestId: event.requestId,
    ip: event.ip,
    details: { ...event.details },
  };
}

/** A resource server as the API shows it. */
export function resourceServerJson(server: ResourceServerRecord) {
  return {
    id: server.id,
    name: server.name,
    audience: server.audience,
    scopes: [...server.scopes],
    tokenFormat: server.tokenFormat,
    jwtType: server.jwtType,
    accessTokenTtlSeconds: server.accessTokenTtlSeconds,
    enabled: server.enabled,
    rowVersion: server.rowVersion,
  };
}
