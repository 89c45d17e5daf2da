import { z } from "zod";
import type { RouteRegistrar } from "../../platform/http/app-deps.ts";
import { formatMessage } from "../errors.ts";
import { html, renderCodes, renderPage } from "./interaction/html.ts";
import { text } from "./interaction/messages.ts";
import { langOf, sendHtml, sentence } from "./interaction/page-io.ts";

/**
 * `GET /interaction/saml/:sourceId/metadata`: Entente's SAML 2.0 service-provider metadata for one
 * SAML source (its entityID is this URL, its AssertionConsumerService the source's ACS), for the
 * member's IdP administrators to register Entente. Public, as SAML metadata is. For a source that
 * does not exist or is not SAML: 404 `identity.saml_source_unknown`, naming the id, on a page of
 * the same layout as the other SAML routes' (the ACS's and the SLO's: French first, the code and
 * the support code), rather than the generic "no such address".
 */
export function createSamlMetadataRoutes(deps: {
  /** The metadata XML of a SAML source, or null when there is no such SAML source. */
  readonly metadataFor: (sourceId: string) => Promise<string | null>;
}): RouteRegistrar {
  return async (app) => {
    app.get(
      "/interaction/saml/:sourceId/metadata",
      {
        schema: {
          summary: "SAML service-provider metadata of Entente for one identity source",
          tags: ["identity federation"],
          params: z.object({ sourceId: z.string().min(1).max(128) }),
        },
      },
      async (request, reply) => {
        const { sourceId } = request.params;
        const xml = await deps.metadataFor(sourceId);
        if (xml === null) {
          const lang = langOf(request);
          const code = "identity.saml_source_unknown";
          const message = sentence(formatMessage(code, { id: sourceId }, lang));
          const body = html`<div class="problem" role="alert" tabindex="-1" autofocus>
<p>${message}</p>
${renderCodes(lang, code, request.id)}
</div>`;
          const path = request.url.split("?")[0] ?? "";
          const page = renderPage({ lang, title: text(lang).samlMetadataMissingTitle, path, body });
          return sendHtml(reply, 404, page, lang);
        }
        return reply
          .type("application/samlmetadata+xml; charset=utf-8")
          .header("cache-control", "no-cache")
          .send(xml);
      },
    );
  };
}
