import type { FastifyInstance, FastifyRequest } from "fastify";
import type { RouteRegistrar } from "../../platform/http/app-deps.ts";
import type { ScimDeps, ScimScope, ScimTokenStore } from "../app/ports.ts";
import { authenticateScim } from "../app/scim-tokens.ts";
import { badRequest, ScimProtocolError } from "../domain/scim-error.ts";
import { registerScimDiscoveryRoutes } from "./scim-discovery-routes.ts";
import { registerScimGroupRoutes } from "./scim-group-routes.ts";
import { sendScimError } from "./scim-responses.ts";
import { registerScimUserRoutes } from "./scim-user-routes.ts";

/** What the SCIM endpoints need. */
export interface ScimHttpDeps extends ScimDeps {
  readonly tokens: ScimTokenStore;
}

/** The path of a member's SCIM endpoint: its "Tenant URL" in Entra ID, "Base URL" in Okta. */
export const SCIM_PREFIX = "/scim/v2/:ententeId/:memberId";

interface MemberParams {
  readonly ententeId: string;
  readonly memberId: string;
}

/**
 * The SCIM 2.0 server (RFC 7644), one endpoint per member under `SCIM_PREFIX`, in its own plugin
 * scope: SCIM's media type, SCIM errors instead of problem+json, and a bearer token per member
 * (`Authorization: Bearer entente_scim_…`). A token of another member, or of another entente,
 * answers 404 as if the endpoint did not exist (nothing is revealed outside the member's scope).
 */
export function createScimRoutes(deps: ScimHttpDeps): RouteRegistrar {
  return async (app) => {
    await app.register(
      async (scim) => {
        scim.addContentTypeParser("application/scim+json", { parseAs: "string" }, parseJson);
        scim.setErrorHandler(sendScimError);
        scim.setNotFoundHandler((request, reply) =>
          sendScimError(
            new ScimProtocolError(
              404,
              null,
              `no SCIM endpoint at ${request.url}: see /ServiceProviderConfig.`,
            ),
            request,
            reply,
          ),
        );
        const baseOf = (request: { readonly params: unknown }) => baseUrl(request as FastifyRequest);
        registerScimDiscoveryRoutes(scim, baseOf);
        await scim.register(async (secured) => {
          secured.addHook("onRequest", async (request) => {
            scopes.set(request, await authorize(deps.tokens, request));
          });
          const scopeOf = (request: FastifyRequest) => {
            const scope = scopes.get(request);
            if (scope === undefined) throw new ScimProtocolError(401, null, "missing bearer token.");
            return scope;
          };
          registerScimUserRoutes(secured, deps, scopeOf, baseOf);
          registerScimGroupRoutes(secured, deps, scopeOf, baseOf);
          registerUnsupported(secured);
        });
      },
      { prefix: SCIM_PREFIX },
    );
  };
}

const scopes = new WeakMap<FastifyRequest, ScimScope>();

/** The member's scope of the request's token. @throws 401 without a valid token, 404 for another member's endpoint. */
async function authorize(tokens: ScimTokenStore, request: FastifyRequest): Promise<ScimScope> {
  const scope = await authenticateScim(tokens, request.headers.authorization);
  if (scope === null)
    throw new ScimProtocolError(
      401,
      null,
      "a valid bearer token is required (Authorization: Bearer entente_scim_…): ask the entente's secretariat for the member's SCIM token.",
    );
  const params = request.params as MemberParams;
  if (scope.ententeId !== params.ententeId || scope.memberId !== params.memberId)
    throw new ScimProtocolError(
      404,
      null,
      `no SCIM endpoint at ${request.url}: check the endpoint URL given with the token.`,
    );
  return scope;
}

/** The member's SCIM URL as the client reached it (the `location` of its resources). */
function baseUrl(request: FastifyRequest): string {
  const params = request.params as MemberParams;
  return `${request.protocol}://${request.host}/scim/v2/${encodeURIComponent(params.ententeId)}/${encodeURIComponent(params.memberId)}`;
}

function registerUnsupported(scim: FastifyInstance): void {
  const unsupported = (what: string) => async () => {
    throw new ScimProtocolError(
      501,
      null,
      `${what} is not supported by Entente's SCIM server (see /ServiceProviderConfig).`,
    );
  };
  scim.post("/Bulk", unsupported("Bulk"));
  scim.all("/Me", unsupported("/Me"));
}

function parseJson(
  _request: FastifyRequest,
  body: string | Buffer,
  done: (error: Error | null, value?: unknown) => void,
) {
  try {
    done(null, JSON.parse(String(body)));
  } catch (error) {
    done(
      badRequest(
        "invalidSyntax",
        `the body is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
      ),
    );
  }
}
