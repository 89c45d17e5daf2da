import type { UpstreamLogoutOutcome } from "../../app/upstream-logout.ts";
import type { Lang } from "../../errors.ts";
import { html, renderCodes, renderPage } from "./html.ts";
import { text } from "./messages.ts";

/**
 * The logout confirmation page of the OpenID Provider (oidc-provider's `logoutSource`): `form`
 * is the library's hidden form (`<form id="op.logoutForm" …>` with its xsrf field), trusted HTML.
 * The buttons submit it; "No" omits `logout=yes`, which keeps the session (library behaviour).
 */
export function renderLogoutPage(form: string, lang: Lang): string {
  const t = text(lang);
  const body = html`<p>${t.logoutQuestion}</p>
${{ html: form }}
<div class="actions">
<button type="submit" form="op.logoutForm" value="yes" name="logout" autofocus>${t.logoutYes}</button>
<button type="submit" form="op.logoutForm" class="secondary">${t.logoutNo}</button>
</div>`;
  return renderPage({ lang, title: t.logoutTitle, path: "", body });
}

/** The page after logout when the service gave no return address (`postLogoutSuccessSource`). */
export function renderLoggedOutPage(lang: Lang, serviceName: string | null): string {
  const t = text(lang);
  const body = html`<p>${serviceName === null ? t.loggedOut : t.loggedOutFrom(serviceName)}</p><p>${t.loggedOutClose}</p>`;
  return renderPage({ lang, title: t.loggedOutTitle, path: "", body });
}

/**
 * The page after a logout that went on to the member's IdP (issue 10 item 6): signed out of the
 * entente, and whether the IdP's session was ended — what could not be ended is said, with what
 * to do. `next` (the service's post-logout URI, or the provider's page) is a link, never followed
 * automatically; null: the outcome is unknown (state used or expired).
 */
export function renderUpstreamLogoutPage(lang: Lang, outcome: UpstreamLogoutOutcome | null): string {
  const t = text(lang);
  const said = (words: string) => html`<p role="alert">${words}</p>`;
  let upstream: ReturnType<typeof html>;
  if (outcome === null) upstream = said(t.upstreamUnknown);
  else if (outcome.status === "ended") upstream = html`<p>${t.upstreamEnded(outcome.sourceLabel)}</p>`;
  else if (outcome.status === "no-endpoint") upstream = said(t.upstreamNoEndpoint(outcome.sourceLabel));
  else if (outcome.status === "failed") upstream = said(t.upstreamFailed(outcome.sourceLabel));
  else if (outcome.status === "refused") upstream = said(t.upstreamRefused(outcome.sourceLabel));
  else upstream = said(t.upstreamNotEnded(outcome.sourceLabel));
  const next = outcome === null ? null : html`<p><a href="${outcome.next}">${t.continueLink}</a></p>`;
  const body = html`<p>${t.loggedOut}</p>${upstream}${next}`;
  return renderPage({ lang, title: t.loggedOutTitle, path: "", body });
}

/**
 * An error of the provider itself (oidc-provider's `renderError`: a malformed authorization
 * request, an unknown client…): the OAuth error code, its description, the request id. No stack.
 */
export function renderProviderError(
  out: { readonly error: string; readonly error_description?: string | undefined },
  requestId: string,
  lang: Lang,
): string {
  const t = text(lang);
  const explained = PROVIDER_ERRORS_FR[out.error];
  // oidc-provider writes its descriptions in English: a French page explains the error in
  // French and keeps the library's words as the technical detail support may need.
  const description =
    lang === "fr" && explained !== undefined
      ? html`<p>${explained}</p>${out.error_description ? html`<p class="note">Détail technique : ${out.error_description}</p>` : null}`
      : out.error_description
        ? html`<p>${out.error_description}</p>`
        : null;
  const body = html`<div class="problem" role="alert" tabindex="-1" autofocus>
<p>${t.providerErrorHelp}</p>
${description}
${renderCodes(lang, `oidc.${out.error}`, requestId)}
</div>`;
  return renderPage({ lang, title: t.providerErrorTitle, path: "", body });
}

/** French explanations of the OAuth 2.0 / OpenID Connect errors the provider shows itself (RFC 6749 §4.1.2.1, §5.2). */
const PROVIDER_ERRORS_FR: Readonly<Record<string, string>> = {
  invalid_request:
    "la demande du service est incomplète ou mal formée (adresse de retour non enregistrée, paramètre manquant ou en double). Le service doit corriger sa configuration.",
  invalid_redirect_uri:
    "l'adresse de retour demandée par le service n'est pas enregistrée pour lui. Par sécurité, la connexion s'arrête ici.",
  invalid_client: "ce service n'est pas reconnu par l'entente (inconnu, suspendu ou mal identifié).",
  unauthorized_client: "ce service n'est pas autorisé à se connecter de cette façon.",
  unsupported_response_type: "ce service demande un mode de connexion que l'entente n'accepte pas.",
  invalid_scope: "ce service demande des informations qu'il n'est pas autorisé à recevoir.",
  access_denied: "la connexion a été refusée.",
  login_required: "une connexion est nécessaire.",
  session_not_found: "la session de connexion est introuvable ou a expiré : recommencez depuis le service.",
  invalid_token: "le jeton présenté n'est pas valide ou a expiré.",
  server_error: "une erreur interne est survenue ; réessayez dans un instant.",
  temporarily_unavailable:
    "le service d'identité est momentanément indisponible ; réessayez dans un instant.",
  not_found: "cette adresse n'existe pas sur le service d'identité.",
};
