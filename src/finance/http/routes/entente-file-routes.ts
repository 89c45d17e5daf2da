import type { z } from "zod";
import { requirePrincipal } from "../../../access/index.ts";
import { negotiateLanguage } from "../../../platform/http/negotiate-language.ts";
import { applyEntenteFile } from "../../app/apply-entente-file.ts";
import { exportEntente } from "../../app/export-entente.ts";
import { type EntentePreview, previewEntenteFile } from "../../app/preview-entente-file.ts";
import { EntenteFilePost, EntenteFilePreview } from "../../contracts/api.ts";
import { formatMessage, type Lang } from "../../errors.ts";
import { renderEntenteFile } from "../../formats/to-entente-file.ts";
import { readPostedEntente } from "../read-posted-entente.ts";
import type { FinanceRoute } from "../register-finance-routes.ts";
import { EntenteParams } from "../route-params.ts";

/** A preview as the API answers it, refusals worded in `lang`. */
function previewJson(preview: EntentePreview, lang: Lang): z.infer<typeof EntenteFilePreview> {
  return {
    changes: preview.changes.map((c) => ({ ...c, years: c.years === "all" ? "all" : [...c.years] })),
    refused: preview.refused.map((issue) => ({
      code: issue.code,
      field: issue.path.join("."),
      message: formatMessage(issue.code, issue.details, lang),
    })),
  };
}

/** `GET /api/ententes/:id/entente-file`: the stored entente as an entente file (YAML). */
export const getEntenteFileRoute: FinanceRoute = (app, deps) => {
  app.get(
    "/api/ententes/:id/entente-file",
    {
      schema: {
        summary: "Download the entente as an entente file (YAML), to edit and apply back",
        tags: ["ententes"],
        params: EntenteParams,
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const entente = await exportEntente(deps, requirePrincipal(request), id);
      return reply
        .type("application/yaml; charset=utf-8")
        .header("content-disposition", `attachment; filename="entente-${id}.yaml"`)
        .send(renderEntenteFile(entente, `the server (entente ${id})`));
    },
  );
};

/** `POST /api/ententes/:id/entente-file/preview`: what applying a file would change; stores nothing. */
export const previewEntenteFileRoute: FinanceRoute = (app, deps) => {
  app.post(
    "/api/ententes/:id/entente-file/preview",
    {
      schema: {
        summary: "Preview the changes an entente file would make (nothing stored)",
        tags: ["ententes"],
        params: EntenteParams,
        body: EntenteFilePost,
        response: { 200: EntenteFilePreview },
      },
    },
    async (request) => {
      const next = readPostedEntente(request.body.text);
      const preview = await previewEntenteFile(deps, requirePrincipal(request), request.params.id, next);
      return previewJson(preview, negotiateLanguage(request.headers["accept-language"]));
    },
  );
};

/** `PUT /api/ententes/:id/entente-file`: apply an entente file, all or nothing. */
export const applyEntenteFileRoute: FinanceRoute = (app, deps) => {
  app.put(
    "/api/ententes/:id/entente-file",
    {
      schema: {
        summary: "Apply an entente file: refused (422, fields named) if it changes an adopted year",
        tags: ["ententes"],
        params: EntenteParams,
        body: EntenteFilePost,
        response: { 200: EntenteFilePreview },
      },
    },
    async (request) => {
      const next = readPostedEntente(request.body.text);
      const applied = await applyEntenteFile(deps, requirePrincipal(request), request.params.id, next);
      return previewJson(applied, negotiateLanguage(request.headers["accept-language"]));
    },
  );
};
