import type { Lang } from "../../domain/errors.ts";
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
 * An error of the provider itself (oidc-provider's `renderError`: a malformed authorization
 * request, an unknown client…): the OAuth error code, its description, the request id. No stack.
 */
export function renderProviderError(
  out: { readonly error: string; readonly error_description?: string | undefined },
  requestId: string,
  lang: Lang,
): string {
  const t = text(lang);
  const body = html`<div class="problem" role="alert" tabindex="-1" autofocus>
<p>${t.providerErrorHelp}</p>
${out.error_description ? html`<p>${out.error_description}</p>` : null}
${renderCodes(lang, `oidc.${out.error}`, requestId)}
</div>`;
  return renderPage({ lang, title: t.providerErrorTitle, path: "", body });
}
