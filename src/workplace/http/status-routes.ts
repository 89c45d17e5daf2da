import { z } from "zod";
import { requirePrincipal } from "../../access/index.ts";
import type { ZodFastifyInstance } from "../../platform/http/app-deps.ts";
import {
  addIncidentUpdate,
  listIncidents,
  listProbeChanges,
  listProbes,
  openIncident,
  putProbe,
  removeProbe,
} from "../app/manage-status.ts";
import type { StatusPage, StatusViewDeps } from "../app/service-status.ts";
import {
  EntenteParams,
  IdParamSchema,
  IncidentParams,
  Incident as IncidentSchema,
  IncidentUpdateWrite,
  IncidentWrite,
  ProbeChange as ProbeChangeSchema,
  Probe as ProbeSchema,
  ProbeWrite,
  PublicStatus,
  ServiceParams,
} from "../contracts.ts";
import type { Incident } from "../domain/incident.ts";
import type { Probe } from "../domain/probe.ts";
import { EntenteError } from "../errors.ts";
import { BASE, tags } from "./catalogue-routes.ts";
import {
  percent,
  renderStatusBadAddress,
  renderStatusNotFound,
  renderStatusPage,
  type StatusLang,
} from "./status-page-html.ts";

const probeJson = ({ ententeId: _, nextDueAt, ...probe }: Probe) => ({
  ...probe,
  nextDueAt: nextDueAt.toISOString(),
});
const incidentJson = ({ ententeId: _e, createdAt: _c, ...i }: Incident) => ({
  ...i,
  clientIds: [...i.clientIds],
  memberIds: [...i.memberIds],
  startsAt: i.startsAt.toISOString(),
  endsAt: i.endsAt?.toISOString() ?? null,
  updates: i.updates.map((u) => ({ ...u, at: u.at.toISOString() })),
});

/** The console's probes and incidents (secretariat writes; every console role of the entente reads). */
export function registerStatusRoutes(app: ZodFastifyInstance, deps: StatusViewDeps): void {
  app.get(
    `${BASE}/probes`,
    {
      schema: {
        summary: "The health probes of the catalogue",
        tags,
        params: EntenteParams,
        response: { 200: z.array(ProbeSchema) },
      },
    },
    async (request) => (await listProbes(deps, requirePrincipal(request), request.params.id)).map(probeJson),
  );
  app.get(
    `${BASE}/probe-changes`,
    {
      schema: {
        summary: "Changes of the probes' states over 90 days, newest first",
        tags,
        params: EntenteParams,
        response: { 200: z.array(ProbeChangeSchema) },
      },
    },
    async (request) =>
      (await listProbeChanges(deps, requirePrincipal(request), request.params.id)).map((c) => ({
        ...c,
        at: c.at.toISOString(),
      })),
  );
  app.put(
    `${BASE}/services/:clientId/probe`,
    {
      schema: {
        summary: "Register (or replace) the service's health probe",
        tags,
        params: ServiceParams,
        body: ProbeWrite,
        response: { 200: ProbeSchema },
      },
    },
    async (request) =>
      probeJson(
        await putProbe(
          deps,
          requirePrincipal(request),
          request.params.id,
          request.params.clientId,
          request.body,
        ),
      ),
  );
  app.delete(
    `${BASE}/services/:clientId/probe`,
    { schema: { summary: "Remove the service's health probe", tags, params: ServiceParams } },
    async (request, reply) => {
      await removeProbe(deps, requirePrincipal(request), request.params.id, request.params.clientId);
      return reply.code(204).send();
    },
  );
  registerIncidentRoutes(app, deps);
}

function registerIncidentRoutes(app: ZodFastifyInstance, deps: StatusViewDeps): void {
  app.get(
    `${BASE}/incidents`,
    {
      schema: {
        summary: "Incidents and maintenance (not ended 90 days ago)",
        tags,
        params: EntenteParams,
        response: { 200: z.array(IncidentSchema) },
      },
    },
    async (request) =>
      (await listIncidents(deps, requirePrincipal(request), request.params.id)).map(incidentJson),
  );
  app.post(
    `${BASE}/incidents`,
    {
      schema: {
        summary: "Open an incident or plan a maintenance",
        tags,
        params: EntenteParams,
        body: IncidentWrite,
        response: { 201: IncidentSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          incidentJson(await openIncident(deps, requirePrincipal(request), request.params.id, request.body)),
        ),
  );
  app.post(
    `${BASE}/incidents/:incidentId/updates`,
    {
      schema: {
        summary: "Add an update to the timeline",
        tags,
        params: IncidentParams,
        body: IncidentUpdateWrite,
        response: { 200: IncidentSchema },
      },
    },
    async (request) =>
      incidentJson(
        await addIncidentUpdate(
          deps,
          requirePrincipal(request),
          request.params.id,
          request.params.incidentId,
          request.body,
        ),
      ),
  );
}

/** The public status JSON: the page's state, without probe details nor authors. */
export function publicStatusJson(page: StatusPage) {
  const incident = (i: StatusPage["current"][number]) => ({
    id: i.id,
    kind: i.kind,
    title: i.title,
    impact: i.impact,
    status: i.status,
    startsAt: i.startsAt.toISOString(),
    endsAt: i.endsAt?.toISOString() ?? null,
    services: [...i.clientIds],
    members: [...i.memberNames],
    updates: i.updates.map((u) => ({ at: u.at.toISOString(), status: u.status, message: u.message })),
  });
  return {
    entente: { id: page.ententeId, name: page.ententeName },
    generatedAt: page.generatedAt.toISOString(),
    services: page.services.map((s) => ({
      id: s.clientId,
      kind: s.kind,
      name: s.name,
      status: s.status,
      since: s.since?.toISOString() ?? null,
      uptime90d: percent(s.uptimePermyriad),
      days: s.bars.map((b) => ({
        day: b.day,
        uptime: percent(b.permyriad),
        maintenanceMinutes: b.maintenanceMinutes,
      })),
    })),
    incidents: [...page.current, ...page.recent].map(incident),
  };
}

/** The language a page is asked in: the first `fr` or `en` among `lang` values, else French. */
function pageLang(query: unknown): StatusLang {
  const asked = (query as { lang?: unknown } | undefined)?.lang;
  const values = Array.isArray(asked) ? asked : [asked];
  return values.find((v): v is StatusLang => v === "fr" || v === "en") ?? "fr";
}

const publicTags = ["service status (public)"];
const notFound = (id: string) => new EntenteError("workplace.not_found", { what: "entente", id });

/** The public answers of one entente, rendered once (a node reuses them for a few seconds). */
export interface PublicStatusBodies {
  readonly json: string;
  readonly html: Readonly<Record<StatusLang, string>>;
}

/** Renders the JSON and both languages' pages of `page`. */
export function renderPublicStatus(page: StatusPage): PublicStatusBodies {
  const path = `/status/${page.ententeId}`;
  return {
    json: JSON.stringify(publicStatusJson(page)),
    html: { fr: renderStatusPage(page, "fr", path), en: renderStatusPage(page, "en", path) },
  };
}

/**
 * The public status page of an entente (HTML, no sign-in) and the same state in JSON, from
 * `bodiesOf` (null: no such entente). The JSON is sent as rendered; its shape is `PublicStatus`.
 */
export function registerPublicStatusRoutes(
  app: ZodFastifyInstance,
  bodiesOf: (ententeId: string) => Promise<PublicStatusBodies | null>,
): void {
  app.get(
    "/api/status/:ententeId",
    {
      schema: {
        summary: "An entente's service status (public JSON)",
        tags: publicTags,
        params: z.object({ ententeId: IdParamSchema }),
        response: { 200: PublicStatus },
      },
    },
    async (request, reply) => {
      const bodies = await bodiesOf(request.params.ententeId);
      if (bodies === null) throw notFound(request.params.ententeId);
      // A string is sent as it is (Fastify serialises objects only): rendered once per cache period.
      return reply
        .header("cache-control", "public, max-age=30")
        .header("access-control-allow-origin", "*")
        .type("application/json; charset=utf-8")
        .send(bodies.json as unknown as z.infer<typeof PublicStatus>);
    },
  );
  app.get(
    "/status/:ententeId",
    {
      schema: {
        summary: "An entente's public status page (HTML, French; ?lang=en for English)",
        tags: publicTags,
        params: z.object({ ententeId: IdParamSchema }),
        querystring: z.object({ lang: z.enum(["fr", "en"]).optional() }),
      },
      // A page answers with a page: a malformed address is a 400 HTML page; a repeated or
      // unknown `lang` falls back to its first usable value, else French.
      attachValidation: true,
    },
    async (request, reply) => {
      const lang = pageLang(request.query);
      reply.header("cache-control", "public, max-age=30").type("text/html; charset=utf-8");
      if (request.validationError?.validationContext === "params")
        return reply.code(400).send(renderStatusBadAddress(lang));
      const bodies = await bodiesOf(request.params.ententeId);
      if (bodies === null) return reply.code(404).send(renderStatusNotFound(lang, request.params.ententeId));
      return reply.send(bodies.html[lang]);
    },
  );
}
