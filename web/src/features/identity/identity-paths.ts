/** Paths of the identity federation's administration API (src/identity/http/identity-admin-routes.ts). */
const base = (id: string) => `/api/ententes/${encodeURIComponent(id)}/identity`;
const seg = encodeURIComponent;
const query = (params: Record<string, string | null | undefined>) => {
  const entries = Object.entries(params).filter(
    (e): e is [string, string] => e[1] !== null && e[1] !== undefined && e[1] !== "",
  );
  return entries.length === 0 ? "" : `?${new URLSearchParams(entries).toString()}`;
};

/** The identity administration API's paths, one place (ids URL-encoded, empty query values left out). */
export const identityPaths = {
  sources: (id: string) => `${base(id)}/sources`,
  source: (id: string, sourceId: string) => `${base(id)}/sources/${seg(sourceId)}`,
  domains: (id: string) => `${base(id)}/domains`,
  domain: (id: string, domain: string) => `${base(id)}/domains/${seg(domain)}`,
  addresses: (id: string) => `${base(id)}/addresses`,
  address: (id: string, email: string) => `${base(id)}/addresses/${seg(email)}`,
  persons: (id: string, params: { q?: string | null; memberId?: string | null; offset?: number }) =>
    `${base(id)}/persons${query({ q: params.q, memberId: params.memberId, offset: params.offset === undefined ? null : String(params.offset) })}`,
  person: (id: string, sub: string) => `${base(id)}/persons/${seg(sub)}`,
  affiliations: (id: string, sub: string) => `${base(id)}/persons/${seg(sub)}/affiliations`,
  affiliation: (id: string, sub: string, memberId: string) =>
    `${base(id)}/persons/${seg(sub)}/affiliations/${seg(memberId)}`,
  services: (id: string) => `${base(id)}/services`,
  service: (id: string, clientId: string) => `${base(id)}/services/${seg(clientId)}`,
  serviceSecret: (id: string, clientId: string) => `${base(id)}/services/${seg(clientId)}/secret`,
  resourceServers: (id: string) => `${base(id)}/resource-servers`,
  resourceServer: (id: string, serverId: string) => `${base(id)}/resource-servers/${seg(serverId)}`,
  events: (id: string, filters: Record<string, string | null>) => `${base(id)}/events${query(filters)}`,
};
