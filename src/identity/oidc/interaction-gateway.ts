import type { IncomingMessage, ServerResponse } from "node:http";
import type Provider from "oidc-provider";
import type {
  AuthorizationReturn,
  InteractionDetails,
  InteractionGateway,
  ResourceScopes,
  ServiceClientRegistry,
} from "../app/ports.ts";
import type { ResourceServerDirectory } from "../app/resource-server-ports.ts";
import { requiredAcrOf } from "../domain/authentication-level.ts";
import { EntenteError } from "../errors.ts";

type Interaction = Awaited<ReturnType<Provider["interactionDetails"]>>;

/**
 * `InteractionGateway` (src/identity/app/ports.ts) on oidc-provider's interaction API. `provider`
 * returns the instance in use (it is swapped when the signing keys change). The interaction is
 * read once per request (the page, then the grant and the result of the same request reuse it).
 * It stores what the sign-in gives it — the grant's scopes, the login's acr and amr — and decides
 * nothing a service receives.
 */
export function createInteractionGateway(deps: {
  readonly provider: () => Provider;
  readonly clients: ServiceClientRegistry;
  readonly resourceServers: ResourceServerDirectory;
}): InteractionGateway {
  const interactionOf = createInteractionReader(deps.provider);
  return {
    details: async (req, res) => detailsOf(deps, await interactionOf(req, res)),

    async saveGrant(req, res, { sub, scopes, resourceScopes }) {
      const provider = deps.provider();
      const interaction = await interactionOf(req, res);
      const clientId = String(interaction.params.client_id ?? "");
      let grant =
        interaction.grantId === undefined ? undefined : await provider.Grant.find(interaction.grantId);
      if (grant === undefined || grant.accountId !== sub || grant.clientId !== clientId) {
        grant = new provider.Grant({ accountId: sub, clientId });
      }
      grant.addOIDCScope(scopes.join(" "));
      for (const { audience, scopes: granted } of resourceScopes) {
        if (granted.length > 0) grant.addResourceScope(audience, granted.join(" "));
      }
      return { grantId: await grant.save() };
    },

    async completeSignIn(req, res, { sub, acr, amr, grantId }) {
      const interaction = await interactionOf(req, res);
      const session = interaction.session as { accountId?: string; acr?: string } | undefined;
      // A login result re-authenticates; single sign-on with the same person and acr keeps auth_time.
      const reauthenticated =
        interaction.prompt.name === "login" || session?.accountId !== sub || session?.acr !== acr;
      // A browser-session cookie (`remember: false`): town-hall workstations are often shared.
      const login = { accountId: sub, acr, amr: [...amr], remember: false };
      const redirectTo = await deps
        .provider()
        .interactionResult(
          req,
          res,
          { ...(reauthenticated ? { login } : {}), consent: { grantId } },
          { mergeWithLastSubmission: false },
        );
      return { redirectTo };
    },

    async abort(req, res, error) {
      await interactionOf(req, res);
      const redirectTo = await deps
        .provider()
        .interactionResult(
          req,
          res,
          { error: error.error, error_description: error.description },
          { mergeWithLastSubmission: false },
        );
      return { redirectTo };
    },

    client: (clientId) => deps.clients.findClient(clientId),

    async interactionExists(uid) {
      return (await deps.provider().Interaction.find(uid)) !== undefined;
    },
  };
}

/** What the sign-in pages need of the interaction (InteractionDetails). */
async function detailsOf(
  deps: {
    readonly provider: () => Provider;
    readonly clients: ServiceClientRegistry;
    readonly resourceServers: ResourceServerDirectory;
  },
  interaction: Interaction,
): Promise<InteractionDetails> {
  const clientId = String(interaction.params.client_id ?? "");
  const service = await deps.clients.findClient(clientId);
  const loginHint = interaction.params.login_hint;
  return {
    uid: interaction.uid,
    returnTo: returnToOf(interaction, clientId, deps.provider().issuer),
    clientId,
    requestedAcr: requiredAcrOf(
      service?.requiredAcr ?? null,
      interaction.params.acr_values as string | undefined,
    ),
    requestedScope: String(interaction.params.scope ?? ""),
    requestedResources: await registeredScopesOf(deps.resourceServers, interaction.params.resource),
    loginHint: typeof loginHint === "string" && loginHint.length > 0 ? loginHint : null,
    uiLocales: typeof interaction.params.ui_locales === "string" ? interaction.params.ui_locales : null,
    sessionSub: interaction.session?.accountId ?? null,
    sessionAmr: (interaction.session as { amr?: string[] } | undefined)?.amr ?? [],
    prompts: [interaction.prompt.name, ...interaction.prompt.reasons],
  };
}

/** Where the interaction's authorization request wants its answer (the provider checked `redirect_uri`). */
function returnToOf(interaction: Interaction, clientId: string, issuer: string): AuthorizationReturn | null {
  const { redirect_uri: redirectUri, state, response_mode: responseMode } = interaction.params;
  if (typeof redirectUri !== "string" || redirectUri === "" || clientId === "") return null;
  return {
    clientId,
    redirectUri,
    state: typeof state === "string" ? state : null,
    responseMode: typeof responseMode === "string" ? responseMode : null,
    issuer,
  };
}

/**
 * The interaction bound to the browser's cookie, read once per request.
 * @throws EntenteError `identity.interaction_expired` (no cookie, unknown or expired interaction, another browser).
 */
function createInteractionReader(provider: () => Provider) {
  const read = new WeakMap<IncomingMessage, Promise<Interaction>>();
  const load = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      return await provider().interactionDetails(req, res);
    } catch (error) {
      throw new EntenteError("identity.interaction_expired", {}, { cause: error });
    }
  };
  return (req: IncomingMessage, res: ServerResponse): Promise<Interaction> => {
    let interaction = read.get(req);
    if (interaction === undefined) {
      interaction = load(req, res);
      read.set(req, interaction);
    }
    return interaction;
  };
}

/** The resources of the authorization request (`resource`, one or several) with their servers' scopes. */
async function registeredScopesOf(
  servers: ResourceServerDirectory,
  resource: unknown,
): Promise<ResourceScopes[]> {
  const audiences = (Array.isArray(resource) ? resource : [resource]).filter(
    (r): r is string => typeof r === "string" && r.length > 0,
  );
  const found = await Promise.all(audiences.map((audience) => servers.findByAudience(audience)));
  return found.flatMap((server) =>
    server === null ? [] : [{ audience: server.audience, scopes: server.scopes }],
  );
}
