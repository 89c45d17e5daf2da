import { MAX_SERVICE_URI_LENGTH, type ServiceUriProblem, serviceUriProblem } from "../../shared/uri-rules.ts";
import { EntenteError, type Localized, localized } from "../errors.ts";
import type { ServiceClientDraft } from "./service-client.ts";

/**
 * Rules a service (OIDC relying party) registration must follow before it is stored (issue 4,
 * "Services as relying parties"). Pure: the service registry (src/identity/app) applies them on
 * every create and update.
 */

/** Scopes a service may be given (claims per scope: docs/identity.md). */
export const KNOWN_SCOPES = [
  "openid",
  "profile",
  "email",
  "organization",
  "groups",
  "offline_access",
] as const;
/** Grant types a service may be given (RFC 6749; no implicit, no password). */
export const KNOWN_GRANT_TYPES = ["authorization_code", "refresh_token", "client_credentials"] as const;
/** How a service authenticates at the token endpoint; `none`: a public client (PKCE only). */
export const KNOWN_AUTH_METHODS = ["client_secret_basic", "client_secret_post", "none"] as const;
/** Longest service name, in characters (it is shown on the sign-in pages). */
export const MAX_SERVICE_NAME_LENGTH = 100;
/** Longest URI accepted, in characters (browsers and proxies cut longer ones). */
export const MAX_URI_LENGTH = MAX_SERVICE_URI_LENGTH;

function invalid(field: string, expected: Localized): never {
  throw new EntenteError("identity.client_invalid", { field, expected });
}

/**
 * Checks one URI a service registers (redirect, post-logout, back-channel logout):
 * absolute; `https`, or `http` on a loopback host only (127.0.0.1, [::1], localhost — RFC 8252
 * §7.3 and OAuth 2.0 Security BCP §2.1); no fragment (RFC 6749 §3.1.2); no wildcard (OIDC Core
 * §3.1.2.1 compares redirect URIs as exact strings); no userinfo (`user:pass@`, a phishing trick).
 * @throws EntenteError `identity.client_invalid` with `field` and what was expected.
 */
export function checkServiceUri(field: string, uri: string): void {
  const problem = serviceUriProblem(uri);
  if (problem !== null) invalid(field, URI_EXPECTED[problem](uri));
}

/** What was expected, for each problem of `serviceUriProblem`, in both languages. */
const URI_EXPECTED: Readonly<Record<ServiceUriProblem, (uri: string) => Localized>> = {
  absolute: (uri) =>
    uri.length === 0 || uri.length > MAX_URI_LENGTH || uri.trim() !== uri
      ? localized(
          `une URI absolue de 1 à ${MAX_URI_LENGTH} caractères sans espace, reçu « ${uri.slice(0, 80)} »`,
          `an absolute URI of 1 to ${MAX_URI_LENGTH} characters without spaces, got "${uri.slice(0, 80)}"`,
        )
      : localized(
          `une URI absolue (https://…), reçu « ${uri} »`,
          `an absolute URI (https://…), got "${uri}"`,
        ),
  wildcard: (uri) =>
    localized(
      `une URI exacte, sans joker « * » (reçu ${uri}) : enregistrez chaque adresse`,
      `an exact URI without a "*" wildcard (got ${uri}): register each address`,
    ),
  fragment: (uri) =>
    localized(`une URI sans fragment « # » (reçu ${uri})`, `a URI without a "#" fragment (got ${uri})`),
  userinfo: (uri) =>
    localized(
      `une URI sans identifiant ni mot de passe avant « @ » (reçu ${uri})`,
      `a URI without a user or password before "@" (got ${uri})`,
    ),
  https: (uri) =>
    localized(
      `une URI en https:// (http:// seulement sur 127.0.0.1, [::1] ou localhost), reçu ${uri}`,
      `an https:// URI (http:// only on 127.0.0.1, [::1] or localhost), got ${uri}`,
    ),
};

function checkList(field: string, values: readonly string[], known: readonly string[]): void {
  for (const value of values) {
    if (!known.includes(value)) {
      invalid(
        field,
        localized(
          `des valeurs parmi ${known.join(", ")} (reçu « ${value} »)`,
          `values among ${known.join(", ")} (got "${value}")`,
        ),
      );
    }
  }
  if (new Set(values).size !== values.length) {
    invalid(field, localized("des valeurs sans doublon", "values without duplicates"));
  }
}

function checkPolicyList(field: string, values: readonly string[] | null): void {
  if (values === null) return;
  if (values.length === 0 || values.some((v) => v.trim().length === 0)) {
    invalid(
      field,
      localized(
        "au moins une valeur non vide, ou aucune restriction (null)",
        "at least one non-empty value, or no restriction (null)",
      ),
    );
  }
}

/**
 * Validates a service registration; returns it with its name trimmed.
 * Coherence rules: a public client (`none`, PKCE only) cannot use client credentials;
 * `refresh_token` and `offline_access` go with `authorization_code`; sign-in clients ask for
 * `openid` and have at least one redirect URI; `requiredAcr` is one of `acrValues`; only a
 * confidential sign-in client may be exempted from PKCE (`pkceExempt`).
 * @throws EntenteError `identity.client_invalid` naming the first field in error and what is expected.
 */
export function validateServiceClient<T extends ServiceClientDraft>(
  draft: T,
  options: { readonly acrValues: readonly string[] },
): T {
  const name = checkName(draft.name);
  checkList("tokenEndpointAuthMethod", [draft.tokenEndpointAuthMethod], KNOWN_AUTH_METHODS);
  checkList("grantTypes", draft.grantTypes, KNOWN_GRANT_TYPES);
  if (draft.grantTypes.length === 0) {
    invalid("grantTypes", localized("au moins un type d'autorisation", "at least one grant type"));
  }
  checkList("scopes", draft.scopes, KNOWN_SCOPES);
  checkGrantCoherence(draft);
  checkPkceExemption(draft);
  checkUris(draft);
  checkPolicyList("policy.memberIds", draft.policy.memberIds);
  checkPolicyList("policy.groups", draft.policy.groups);
  checkPolicyList("policy.roles", draft.policy.roles);
  if (draft.policy.roles !== null) checkList("policy.roles", draft.policy.roles, ["agent", "elu"]);
  checkRequiredAcr(draft.requiredAcr, options.acrValues);
  return { ...draft, name };
}

/** The name trimmed, 1 to `MAX_SERVICE_NAME_LENGTH` characters. */
function checkName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > MAX_SERVICE_NAME_LENGTH) {
    invalid(
      "name",
      localized(
        `un nom de 1 à ${MAX_SERVICE_NAME_LENGTH} caractères`,
        `a name of 1 to ${MAX_SERVICE_NAME_LENGTH} characters`,
      ),
    );
  }
  return name;
}

/** Grant types, authentication method and scopes that go together (see `validateServiceClient`). */
function checkGrantCoherence(draft: ServiceClientDraft): void {
  const signsIn = draft.grantTypes.includes("authorization_code");
  if (draft.tokenEndpointAuthMethod === "none" && draft.grantTypes.includes("client_credentials")) {
    invalid(
      "grantTypes",
      localized(
        "pas de client_credentials pour un client public (sans secret) : il ne peut pas s'authentifier",
        "no client_credentials for a public client (no secret): it cannot authenticate",
      ),
    );
  }
  if (draft.grantTypes.includes("refresh_token") && !signsIn) {
    invalid(
      "grantTypes",
      localized("refresh_token va avec authorization_code", "refresh_token goes with authorization_code"),
    );
  }
  if (draft.scopes.includes("offline_access") && !draft.grantTypes.includes("refresh_token")) {
    invalid(
      "scopes",
      localized(
        "offline_access demande le type refresh_token",
        "offline_access needs the refresh_token grant type",
      ),
    );
  }
  if (signsIn && !draft.scopes.includes("openid")) {
    invalid(
      "scopes",
      localized("openid pour un service où l'on se connecte", "openid for a sign-in service"),
    );
  }
  if (signsIn && draft.redirectUris.length === 0) {
    invalid(
      "redirectUris",
      localized(
        "au moins une URI de retour (authorization_code)",
        "at least one redirect URI (authorization_code)",
      ),
    );
  }
}

/**
 * The PKCE exemption is for a confidential client that signs people in: a public client has
 * nothing but PKCE to bind its code to itself (RFC 9700 §2.1.1, RFC 7636 §1).
 */
function checkPkceExemption(draft: ServiceClientDraft): void {
  if (draft.pkceExempt !== true) return;
  if (draft.tokenEndpointAuthMethod === "none") {
    invalid(
      "pkceExempt",
      localized(
        "false pour un client public (sans secret) : PKCE est sa seule protection du code",
        "false for a public client (no secret): PKCE is its only protection of the code",
      ),
    );
  }
  if (!draft.grantTypes.includes("authorization_code")) {
    invalid(
      "pkceExempt",
      localized(
        "false pour un service sans authorization_code (PKCE ne le concerne pas)",
        "false for a service without authorization_code (PKCE does not apply)",
      ),
    );
  }
}

/** Every URI registered (see `checkServiceUri`); redirect URIs without duplicates. */
function checkUris(draft: ServiceClientDraft): void {
  for (const [i, uri] of draft.redirectUris.entries()) checkServiceUri(`redirectUris[${i}]`, uri);
  for (const [i, uri] of draft.postLogoutRedirectUris.entries()) {
    checkServiceUri(`postLogoutRedirectUris[${i}]`, uri);
  }
  if (draft.backchannelLogoutUri !== null)
    checkServiceUri("backchannelLogoutUri", draft.backchannelLogoutUri);
  if (new Set(draft.redirectUris).size !== draft.redirectUris.length) {
    invalid("redirectUris", localized("des URI sans doublon", "URIs without duplicates"));
  }
}

function checkRequiredAcr(requiredAcr: string | null, acrValues: readonly string[]): void {
  if (requiredAcr !== null && !acrValues.includes(requiredAcr)) {
    invalid(
      "requiredAcr",
      localized(
        `une valeur parmi ${acrValues.join(", ")}, ou aucune`,
        `one of ${acrValues.join(", ")}, or none`,
      ),
    );
  }
}

/**
 * A policy naming a member that does not exist would lock that member out without a word (a
 * typo in `--members`): refused, with the entente's member ids.
 * @param known the member ids of the entente.
 * @throws EntenteError `identity.client_invalid` on `policy.memberIds`.
 */
export function ensurePolicyMembersKnown(
  memberIds: readonly string[] | null,
  known: readonly string[],
): void {
  if (memberIds === null || memberIds.length === 0) return;
  const unknown = memberIds.filter((id) => !known.includes(id));
  if (unknown.length === 0) return;
  throw new EntenteError("identity.client_invalid", {
    field: "policy.memberIds",
    expected: localized(
      `membres inconnus : ${unknown.join(", ")} (membres de l'entente : ${known.join(", ") || "aucun"})`,
      `unknown members: ${unknown.join(", ")} (members of the entente: ${known.join(", ") || "none"})`,
    ),
  });
}

/**
 * A public client (no secret) stays public: a confidential service gets its secret when it is
 * registered, so an update cannot turn a public one confidential. Called when the store found
 * the service without a secret and the update asks for a confidential method.
 * @throws EntenteError `identity.client_invalid` on `tokenEndpointAuthMethod`, always.
 */
export function refusePublicClientMadeConfidential(): never {
  throw new EntenteError("identity.client_invalid", {
    field: "tokenEndpointAuthMethod",
    expected: localized(
      "un client public reste public : enregistrez un nouveau service confidentiel (son secret sera créé)",
      "a public client stays public: register a new confidential service (its secret is created then)",
    ),
  });
}
