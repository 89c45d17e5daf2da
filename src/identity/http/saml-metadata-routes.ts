import { z } from "zod";
import type { RouteRegistrar } from "../../platform/http/app-deps.ts";
import { handleNotFound } from "../../platform/http/error-handler.ts";

/**
 * `GET /interaction/saml/:sourceId/metadata`: Entente's SAML 2.0 service-provider metadata for one
 * SAML source (its entityID is this URL, its AssertionConsumerService the source's ACS), for the
 * member's IdP administrators to register Entente. Public, as SAML metadata is. 404 for a source
 * that does not exist or is not SAML.
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
        const xml = await deps.metadataFor(request.params.sourceId);
        if (xml === null) return handleNotFound(request, reply);
        return reply
          .type("application/samlmetadata+xml; charset=utf-8")
          .header("cache-control", "no-cache")
          .send(xml);
      },
    );
  };
}
