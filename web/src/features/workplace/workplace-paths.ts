/** Paths of the workplace's console API (src/workplace/http/catalogue-routes.ts). */
const base = (id: string) => `/api/ententes/${encodeURIComponent(id)}/workplace`;
const seg = encodeURIComponent;

export const workplacePaths = {
  services: (id: string) => `${base(id)}/services`,
  service: (id: string, clientId: string) => `${base(id)}/services/${seg(clientId)}`,
  subscriptions: (id: string, clientId: string) => `${base(id)}/services/${seg(clientId)}/subscriptions`,
  /** The portal's announcements (src/workplace/http/announcement-routes.ts). */
  announcements: (id: string) => `${base(id)}/announcements`,
  acknowledgements: (id: string, announcementId: string) =>
    `${base(id)}/announcements/${seg(announcementId)}/acknowledgements`,
  probes: (id: string) => `${base(id)}/probes`,
  probe: (id: string, clientId: string) => `${base(id)}/services/${seg(clientId)}/probe`,
  incidents: (id: string) => `${base(id)}/incidents`,
  incidentUpdates: (id: string, incidentId: string) => `${base(id)}/incidents/${seg(incidentId)}/updates`,
  /** The public status JSON and page (src/workplace/http/status-routes.ts). */
  publicStatus: (id: string) => `/api/status/${seg(id)}`,
  statusPage: (id: string) => `/status/${seg(id)}`,
  /** Identity's OIDC clients, which the catalogue's entries are. */
  clients: (id: string) => `/api/ententes/${encodeURIComponent(id)}/identity/services`,
};
