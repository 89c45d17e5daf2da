import { z } from "zod";
import { requirePrincipal } from "../../access/index.ts";
import type { ZodFastifyInstance } from "../../platform/http/app-deps.ts";
import {
  addToCatalogue,
  getCatalogueEntry,
  listCatalogue,
  rotateServiceKey,
  setServiceLogo,
  updateCatalogueEntry,
} from "../app/manage-catalogue.ts";
import type { WorkplaceDeps } from "../app/ports.ts";
import {
  CatalogueCreate,
  CatalogueEntry,
  CatalogueUpdate,
  EntenteParams,
  LogoUpload,
  ServiceKey,
  ServiceParams,
} from "../contracts.ts";
import { entryJson } from "./entry-json.ts";

export const BASE = "/api/ententes/:id/workplace";
export const tags = ["digital workplace"];

/** The service catalogue of an entente (console): listed, read, added, edited, its logo and key. */
export function registerCatalogueRoutes(app: ZodFastifyInstance, deps: WorkplaceDeps): void {
  const json = (entry: Parameters<typeof entryJson>[0]) => entryJson(entry, deps.publicUrl);
  app.get(
    `${BASE}/services`,
    {
      schema: {
        summary: "The service catalogue, in display order",
        tags,
        params: EntenteParams,
        response: { 200: z.array(CatalogueEntry) },
      },
    },
    async (request) => (await listCatalogue(deps, requirePrincipal(request), request.params.id)).map(json),
  );
  app.get(
    `${BASE}/services/:clientId`,
    {
      schema: {
        summary: "One catalogue entry",
        tags,
        params: ServiceParams,
        response: { 200: CatalogueEntry },
      },
    },
    async (request) =>
      json(
        await getCatalogueEntry(deps, requirePrincipal(request), request.params.id, request.params.clientId),
      ),
  );
  app.post(
    `${BASE}/services`,
    {
      schema: {
        summary: "Put a service (identity's OIDC client) in the catalogue",
        tags,
        params: EntenteParams,
        body: CatalogueCreate,
        response: { 201: CatalogueEntry },
      },
    },
    async (request, reply) => {
      const { clientId, ...draft } = request.body;
      const entry = await addToCatalogue(deps, requirePrincipal(request), request.params.id, clientId, draft);
      return reply.code(201).send(json(entry));
    },
  );
  app.put(
    `${BASE}/services/:clientId`,
    {
      schema: {
        summary: "Edit a catalogue entry",
        tags,
        params: ServiceParams,
        body: CatalogueUpdate,
        response: { 200: CatalogueEntry },
      },
    },
    async (request) =>
      json(
        await updateCatalogueEntry(
          deps,
          requirePrincipal(request),
          request.params.id,
          request.params.clientId,
          request.body,
        ),
      ),
  );
  registerLogoAndKeyRoutes(app, deps);
}

function registerLogoAndKeyRoutes(app: ZodFastifyInstance, deps: WorkplaceDeps): void {
  app.put(
    `${BASE}/services/:clientId/logo`,
    {
      schema: {
        summary: "Upload the service's logo (PNG, JPEG or WebP; SVG refused)",
        tags,
        params: ServiceParams,
        body: LogoUpload,
      },
      bodyLimit: 512 * 1024,
    },
    async (request, reply) => {
      const bytes = Buffer.from(request.body.dataBase64, "base64");
      const upload = { bytes: new Uint8Array(bytes), declaredType: request.body.contentType };
      await setServiceLogo(
        deps,
        requirePrincipal(request),
        request.params.id,
        request.params.clientId,
        upload,
      );
      return reply.code(204).send();
    },
  );
  app.delete(
    `${BASE}/services/:clientId/logo`,
    {
      schema: {
        summary: "Remove the uploaded logo (the monogram is shown again)",
        tags,
        params: ServiceParams,
      },
    },
    async (request, reply) => {
      await setServiceLogo(deps, requirePrincipal(request), request.params.id, request.params.clientId, null);
      return reply.code(204).send();
    },
  );
  app.post(
    `${BASE}/services/:clientId/service-key`,
    {
      schema: {
        summary: "Give the service a new key for X-Service-Auth (entitlements); shown once",
        tags,
        params: ServiceParams,
        response: { 201: ServiceKey },
      },
    },
    async (request, reply) => {
      const key = await rotateServiceKey(
        deps,
        requirePrincipal(request),
        request.params.id,
        request.params.clientId,
      );
      return reply.code(201).header("cache-control", "no-store").send({ serviceKey: key });
    },
  );
}
