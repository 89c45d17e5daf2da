import type Provider from "oidc-provider";
import type {
  InteractionDetails,
  InteractionGateway,
  PersonDirectory,
  ServiceClientRegistry,
} from "../app/ports.ts";
import { EntenteError } from "../errors.ts";
import { requiredAcrOf } from "./required-acr.ts";

/**
 * `InteractionGateway` (src/app/identity/ports.ts) on oidc-provider's interaction API. `provider`
 * returns the instance in use (it is swapped when the signing keys change).
 */
export function createInteractionGateway(deps: {
  readonly provider: () => Provider;
  readonly clients: ServiceClientRegistry;
  readonly people: PersonDirectory;
}): InteractionGateway {
  const detailsOf = async (
    req: Parameters<InteractionGateway["details"]>[0],
    res: Parameters<InteractionGateway["details"]>[1],
  ) => {
    try {
      return await deps.provider().interactionDetails(req, res);
    } catch (error) {
      // SessionNotFound: no interaction cookie, unknown or expired interaction, another browser.
      throw new EntenteError("identity.interaction_expired", {}, { cause: error });
    }
  };
  return {
    async details(req, res): Promise<InteractionDetails> {
      const interaction = await detailsOf(req, res);
      const clientId = String(interaction.params.client_id ?? "");
      const service = await deps.clients.findClient(clientId);
      const loginHint = interaction.params.login_hint;
      return {
        uid: interaction.uid,
        clientId,
        requestedAcr: requiredAcrOf(
          service?.requiredAcr ?? null,
          interaction.params.acr_values as string | undefined,
        ),
        loginHint: typeof loginHint === "string" && loginHint.length > 0 ? loginHint : null,
        sessionSub: interaction.session?.accountId ?? null,
        sessionAmr: (interaction.session as { amr?: string[] } | undefined)?.amr ?? [],
        prompts: [interaction.prompt.name, ...interaction.prompt.reasons],
      };
    },

    async finishSignIn(req, res, result) {
      const provider = deps.provider();
      const interaction = await detailsOf(req, res);
      const clientId = String(interaction.params.client_id ?? "");
      const service = await deps.clients.findClient(clientId);
      if (service === null || !service.enabled) {
        throw new EntenteError("identity.not_found", { what: "service", id: clientId });
      }
      // What the service asked for and may receive; openid always (OIDC Core §3.1.2.1).
      const asked = String(interaction.params.scope ?? "").split(" ");
      const scopes = new Set(["openid", ...asked.filter((s) => s !== "" && service.scopes.includes(s))]);
      let grant =
        interaction.grantId === undefined ? undefined : await provider.Grant.find(interaction.grantId);
      if (grant === undefined || grant.accountId !== result.sub || grant.clientId !== clientId) {
        grant = new provider.Grant({ accountId: result.sub, clientId });
      }
      grant.addOIDCScope([...scopes].join(" "));
      const grantId = await grant.save();
      await deps.people.recordGrantAffiliation(grantId, result.sub, result.memberId);
      const session = interaction.session as { accountId?: string; acr?: string } | undefined;
      // A login result re-authenticates; single sign-on with the same person and acr keeps auth_time.
      const reauthenticated =
        interaction.prompt.name === "login" ||
        session?.accountId !== result.sub ||
        session?.acr !== result.acr;
      const redirectTo = await provider.interactionResult(
        req,
        res,
        {
          ...(reauthenticated
            ? {
                login: {
                  accountId: result.sub,
                  acr: result.acr,
                  amr: [...result.amr],
                  // A browser-session cookie: town-hall workstations are often shared.
                  remember: false,
                },
              }
            : {}),
          consent: { grantId },
        },
        { mergeWithLastSubmission: false },
      );
      return { redirectTo };
    },

    async abort(req, res, error) {
      await detailsOf(req, res);
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
  };
}
