import { z } from "zod";
import { assertCan, requirePrincipal } from "../../access/index.ts";
import type { ZodFastifyInstance } from "../../platform/http/app-deps.ts";
import {
  createAnnouncement,
  listAcknowledgements,
  listAnnouncements,
  removeAnnouncement,
} from "../app/manage-announcements.ts";
import type { PortalDeps } from "../app/portal-home.ts";
import {
  Acknowledgement,
  Announcement,
  AnnouncementParams,
  AnnouncementWrite,
  EntenteParams,
  PortalClient,
} from "../contracts.ts";
import type { Announcement as AnnouncementModel } from "../domain/announcement.ts";
import { EntenteError } from "../errors.ts";
import { BASE, tags } from "./catalogue-routes.ts";

const json = (a: AnnouncementModel): z.infer<typeof Announcement> => ({
  id: a.id,
  authorMemberId: a.authorMemberId,
  title: a.title,
  body: a.body,
  shownFrom: a.shownFrom,
  shownUntil: a.shownUntil,
  memberIds: a.memberIds === null ? null : [...a.memberIds],
  roles: a.roles === null ? null : [...a.roles],
  groups: a.groups === null ? null : [...a.groups],
  requiresAck: a.requiresAck,
  createdBy: a.createdBy,
  createdAt: a.createdAt.toISOString(),
});

/** The portal's announcements in the console (secretariat, or a member's officer for its member), and the portal's client. */
export function registerAnnouncementRoutes(
  app: ZodFastifyInstance,
  deps: PortalDeps & { readonly findClient: (ententeId: string, clientId: string) => Promise<unknown> },
): void {
  const one = `${BASE}/announcements/:announcementId`;
  app.get(
    `${BASE}/announcements`,
    {
      schema: {
        summary: "The portal's announcements, newest first",
        tags,
        params: EntenteParams,
        response: { 200: z.array(Announcement) },
      },
    },
    async (request) =>
      (await listAnnouncements(deps, requirePrincipal(request), request.params.id)).map(json),
  );
  app.post(
    `${BASE}/announcements`,
    {
      schema: {
        summary: "Write an announcement shown on the portal",
        tags,
        params: EntenteParams,
        body: AnnouncementWrite,
        response: { 201: Announcement },
      },
    },
    async (request, reply) => {
      const created = await createAnnouncement(
        deps,
        requirePrincipal(request),
        request.params.id,
        request.body,
      );
      return reply.code(201).send(json(created));
    },
  );
  app.delete(
    one,
    {
      schema: {
        summary: "Remove an announcement and its acknowledgements",
        tags,
        params: AnnouncementParams,
      },
    },
    async (request, reply) => {
      const { id, announcementId } = request.params;
      await removeAnnouncement(deps, requirePrincipal(request), id, announcementId);
      return reply.code(204).send();
    },
  );
  app.get(
    `${one}/acknowledgements`,
    {
      schema: {
        summary: "Who acknowledged the announcement, earliest first",
        tags,
        params: AnnouncementParams,
        response: { 200: z.array(Acknowledgement) },
      },
    },
    async (request) => {
      const { id, announcementId } = request.params;
      const acks = await listAcknowledgements(deps, requirePrincipal(request), id, announcementId);
      return acks.map((a) => ({ ...a, acknowledgedAt: a.acknowledgedAt.toISOString() }));
    },
  );
  registerPortalClientRoute(app, deps);
}

/** PUT …/portal: which hub client is the entente's portal (the secretariat's, `manage-identity`). */
function registerPortalClientRoute(
  app: ZodFastifyInstance,
  deps: Parameters<typeof registerAnnouncementRoutes>[1],
) {
  app.put(
    `${BASE}/portal`,
    {
      schema: {
        summary: "Make a hub client (public, PKCE) the entente's portal",
        tags,
        params: EntenteParams,
        body: PortalClient,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const principal = requirePrincipal(request);
      assertCan(principal, { kind: "manage-identity", ententeId: id });
      if ((await deps.findClient(id, request.body.clientId)) === null)
        throw new EntenteError("workplace.not_found", { what: "OIDC client", id: request.body.clientId });
      await deps.portal.setPortalClient(id, request.body.clientId, {
        id: principal.email,
        label: principal.email,
      });
      return reply.code(204).send();
    },
  );
}
