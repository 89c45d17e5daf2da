import type { MfaKind } from "../../domain/mfa-credential.ts";
import { actionOf, csrfField, html, type PageError, renderPage, textField } from "./html.ts";
import { text } from "./messages.ts";
import { backToServiceForm, interactionPath, type PageContext } from "./sign-in-pages.ts";

export const WEBAUTHN_SCRIPTS = [
  "/interaction/assets/simplewebauthn-browser.js",
  "/interaction/assets/webauthn.js",
] as const;

/** First page of the second factor when the person has none: the trust-on-first-use notice and the two choices. */
export function renderMfaChoicePage(
  pc: PageContext,
  view: { readonly csrf: string; readonly webauthnAvailable: boolean },
): string {
  const t = text(pc.lang);
  const body = html`<p>${t.mfaIntro}</p>
<p class="note">${t.mfaTofu}</p>
<h2>${t.mfaChoose}</h2>
<ul class="choices">
<li><a href="${actionOf(interactionPath(pc.uid, "/mfa/totp/enrol"), pc.lang)}">${t.mfaTotpOption}</a></li>
<li>${
    view.webauthnAvailable
      ? html`<a href="${actionOf(interactionPath(pc.uid, "/mfa/webauthn/register"), pc.lang)}">${t.mfaWebauthnOption}</a>`
      : html`${t.mfaWebauthnOption} — ${t.mfaWebauthnUnavailable}`
  }</li>
</ul>
${backToServiceForm(pc, view.csrf)}`;
  return renderPage({ lang: pc.lang, title: t.mfaTitle, path: pc.path, body });
}

const codeField = (pc: PageContext, error: PageError | null) => {
  const t = text(pc.lang);
  return textField({
    id: "code",
    name: "code",
    label: t.totpCodeLabel,
    type: "text",
    autocomplete: "one-time-code",
    inputmode: "numeric",
    pattern: "[0-9]{6}",
    hint: t.totpCodeHint,
    error,
    autofocus: error === null,
  });
};

/** TOTP enrolment: the QR code (SVG), the secret as text, the first code. */
export function renderTotpEnrolPage(
  pc: PageContext,
  view: {
    readonly csrf: string;
    readonly qrSvg: string;
    readonly secret: string;
    readonly error: PageError | null;
  },
): string {
  const t = text(pc.lang);
  const grouped = view.secret.replace(/(.{4})/g, "$1 ").trim();
  const body = html`<p class="note">${t.mfaTofu}</p>
<ol class="steps">
<li><p>${t.totpEnrolScan}</p><figure class="qr" role="img" aria-label="${t.totpQrAlt}">${{ html: view.qrSvg }}</figure></li>
<li><p>${t.totpEnrolKey}</p><p><code class="secret">${grouped}</code></p></li>
<li><form method="post" action="${actionOf(interactionPath(pc.uid, "/mfa/totp/enrol"), pc.lang)}" novalidate>
${csrfField(view.csrf)}
${codeField(pc, view.error)}
<button type="submit">${t.validate}</button>
</form></li>
</ol>
<p><a href="${actionOf(interactionPath(pc.uid, "/mfa"), pc.lang)}">${t.mfaChoose}</a></p>
${backToServiceForm(pc, view.csrf)}`;
  return renderPage({ lang: pc.lang, title: t.totpEnrolTitle, path: pc.path, body, error: view.error });
}

/** A TOTP code of an enrolled app. */
export function renderTotpVerifyPage(
  pc: PageContext,
  view: { readonly csrf: string; readonly enrolled: readonly MfaKind[]; readonly error: PageError | null },
): string {
  const t = text(pc.lang);
  const body = html`<p>${t.totpVerifyIntro}</p>
<form method="post" action="${actionOf(interactionPath(pc.uid, "/mfa/totp"), pc.lang)}" novalidate>
${csrfField(view.csrf)}
${codeField(pc, view.error)}
<button type="submit">${t.validate}</button>
</form>
${view.enrolled.includes("webauthn") ? html`<p><a href="${actionOf(interactionPath(pc.uid, "/mfa/webauthn"), pc.lang)}">${t.useSecurityKey}</a></p>` : null}
${backToServiceForm(pc, view.csrf)}`;
  return renderPage({ lang: pc.lang, title: t.totpVerifyTitle, path: pc.path, body, error: view.error });
}

/**
 * WebAuthn registration or authentication: the options travel in a JSON data block (not run,
 * so CSP-safe); /interaction/assets/webauthn.js calls the browser and posts the answer in the
 * form's hidden `response` field, with the anti-CSRF token, like any form.
 */
export function renderWebauthnPage(
  pc: PageContext,
  view: {
    readonly mode: "register" | "authenticate";
    readonly csrf: string;
    readonly options: unknown;
    readonly enrolled: readonly MfaKind[];
    readonly error: PageError | null;
  },
): string {
  const t = text(pc.lang);
  const register = view.mode === "register";
  // JSON inside <script type="application/json">: "<" escaped so that "</script>" cannot end it.
  const json = JSON.stringify(view.options).replaceAll("<", "\\u003c");
  const body = html`<p>${register ? t.webauthnRegisterIntro : t.webauthnVerifyIntro}</p>
${register ? html`<p class="note">${t.mfaTofu}</p>` : null}
<script type="application/json" id="webauthn-options">${{ html: json }}</script>
<noscript><p class="problem">${t.webauthnNoScript}</p></noscript>
<p class="field-error" id="webauthn-status" role="alert" data-failed="${t.webauthnFailed}"></p>
<form method="post" id="webauthn-form" data-mode="${view.mode}" action="${actionOf(
    interactionPath(pc.uid, register ? "/mfa/webauthn/register" : "/mfa/webauthn"),
    pc.lang,
  )}">
${csrfField(view.csrf)}
<input type="hidden" name="response" id="webauthn-response" value="">
${register ? textField({ id: "label", name: "label", label: t.webauthnLabel, type: "text", autocomplete: "off", required: false, error: null }) : null}
<button type="submit" id="webauthn-start">${register ? t.webauthnRegisterButton : t.webauthnVerifyButton}</button>
</form>
${
  register
    ? html`<p><a href="${actionOf(interactionPath(pc.uid, "/mfa"), pc.lang)}">${t.mfaChoose}</a></p>`
    : view.enrolled.includes("totp")
      ? html`<p><a href="${actionOf(interactionPath(pc.uid, "/mfa/totp"), pc.lang)}">${t.useTotp}</a></p>`
      : null
}
${backToServiceForm(pc, view.csrf)}`;
  return renderPage({
    lang: pc.lang,
    title: register ? t.webauthnRegisterTitle : t.webauthnVerifyTitle,
    path: pc.path,
    body,
    error: view.error,
    scripts: WEBAUTHN_SCRIPTS,
  });
}
