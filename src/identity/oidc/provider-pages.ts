/** Language of the provider's own pages (logout confirmation, errors). */
export type PageLang = "fr" | "en";

/**
 * The HTML pages oidc-provider itself renders; the sign-in pages' part of Entente supplies the
 * real ones (accessible, French first). Every function returns a complete HTML document.
 */
export interface ProviderPages {
  /** RP-initiated logout confirmation; `form` is oidc-provider's hidden form (id `op.logoutForm`, CSRF token inside). */
  logoutSource(form: string, lang: PageLang): string;
  /** After a logout without a (valid) post_logout_redirect_uri. */
  postLogoutSuccess(lang: PageLang, clientName: string | null): string;
  /** A protocol error the provider cannot send back to the service (bad redirect_uri, unknown client…). */
  /** `lang`: from the browser's Accept-Language (French unless it prefers English). */
  error(
    out: { readonly error: string; readonly error_description?: string },
    requestId: string,
    lang: PageLang,
  ): string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Plain pages for tests and for a server started without the sign-in pages. */
export const PLAIN_PROVIDER_PAGES: ProviderPages = {
  logoutSource: (form, lang) =>
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${
      lang === "fr" ? "Déconnexion" : "Sign out"
    }</title></head><body><main><h1>${
      lang === "fr" ? "Se déconnecter de tous les services ?" : "Sign out of every service?"
    }</h1>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">${
      lang === "fr" ? "Oui, me déconnecter" : "Yes, sign me out"
    }</button><button type="submit" form="op.logoutForm">${
      lang === "fr" ? "Non, rester connecté" : "No, stay signed in"
    }</button></main></body></html>`,
  postLogoutSuccess: (lang, clientName) =>
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${
      lang === "fr" ? "Déconnecté" : "Signed out"
    }</title></head><body><main><h1>${lang === "fr" ? "Vous êtes déconnecté" : "You are signed out"}${
      clientName === null ? "" : ` (${escapeHtml(clientName)})`
    }</h1></main></body></html>`,
  error: (out, requestId, lang) =>
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Erreur / Error</title></head><body><main><h1>Erreur / Error</h1><p><code>${escapeHtml(
      out.error,
    )}</code> ${escapeHtml(out.error_description ?? "")}</p><p>Référence / reference: <code>${escapeHtml(
      requestId,
    )}</code></p></main></body></html>`,
};
