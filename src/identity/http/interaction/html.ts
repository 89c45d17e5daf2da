import type { Lang } from "../../errors.ts";
import { text } from "./messages.ts";

/** Escapes text for HTML content and double-quoted attribute values (OWASP XSS Prevention, rule 1 and 2). */
export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** HTML already escaped or built from escaped parts (a marker type against double escaping). */
export interface Html {
  readonly html: string;
}

/** Builds HTML from a template: interpolated strings are escaped, `Html` values and lists of them are not. */
export function html(
  strings: TemplateStringsArray,
  ...values: readonly (string | number | Html | readonly Html[] | null | undefined)[]
): Html {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    if (value === null || value === undefined) out += "";
    else if (Array.isArray(value)) out += (value as readonly Html[]).map((v) => v.html).join("");
    else if (typeof value === "object") out += (value as Html).html;
    else out += escapeHtml(String(value));
    out += strings[i + 1] ?? "";
  });
  return { html: out };
}

/** A problem shown at the top of a page: the catalog's code, its message, the request id, the fields it concerns. */
export interface PageError {
  readonly code: string;
  readonly message: string;
  readonly requestId: string;
  /** ids of the fields the error concerns (linked from the summary, `aria-describedby` on the field). */
  readonly fields: readonly string[];
}

export interface PageOptions {
  readonly lang: Lang;
  readonly title: string;
  /** Path of the page (without query), for the language switch. */
  readonly path: string;
  readonly body: Html;
  readonly error?: PageError | null;
  /** Same-origin scripts (CSP `script-src 'self'`, no inline script). */
  readonly scripts?: readonly string[];
}

export const STYLESHEET_PATH = "/interaction/assets/interaction.css";

/**
 * The layout of every sign-in page (RGAA 4.1 / WCAG 2.1 AA): `<html lang>`, a skip link to the
 * main content, one `<h1>`, the language switch, an error summary announced (`role="alert"`) and
 * focused when there is an error. No inline script or style attribute.
 */
export function renderPage(options: PageOptions): string {
  const t = text(options.lang);
  const other: Lang = options.lang === "fr" ? "en" : "fr";
  const switchHref = `${options.path}?lang=${other}`;
  const error = options.error ?? null;
  const summary =
    error === null
      ? html``
      : html`<div class="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="error-summary-title">
<h2 id="error-summary-title">${t.errorSummaryTitle}</h2>
<p>${error.fields.length > 0 ? html`<a href="#${error.fields[0] ?? ""}">${error.message}</a>` : error.message}</p>
${renderCodes(options.lang, error.code, error.requestId)}
</div>`;
  const scripts = (options.scripts ?? []).map((src) => html`<script src="${src}" defer></script>`);
  return `<!doctype html>
${
  html`<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${error === null ? "" : `${t.errorTitlePrefix} `}${options.title} — ${t.siteName}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
${scripts}
</head>
<body>
<a class="skip-link" href="#contenu">${t.skipLink}</a>
<header class="banner">
<p class="brand">${t.siteName}</p>
<nav aria-label="${t.languageNav}"><a href="${switchHref}" hreflang="${other}" lang="${other}">${t.otherLanguage}</a></nav>
</header>
<main id="contenu" tabindex="-1">
<h1>${options.title}</h1>
${summary}
${options.body}
</main>
<footer class="footer"><p>${t.footer}</p></footer>
</body>
</html>`.html
}`;
}

/** "Code de l'erreur : x · Code support : y": what a person reads to support. */
export function renderCodes(lang: Lang, code: string, requestId: string): Html {
  const t = text(lang);
  return html`<p class="codes">${t.errorCode} <code>${code}</code><br>${t.supportCode} <code>${requestId}</code></p>`;
}

/** A labelled text field; its error (when `error` names it) linked with `aria-describedby`. */
export function textField(options: {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly type: "text" | "email" | "password";
  readonly autocomplete: string;
  readonly value?: string | null;
  readonly hint?: string | null;
  readonly error?: PageError | null;
  readonly inputmode?: "numeric" | null;
  readonly pattern?: string | null;
  readonly autofocus?: boolean;
  readonly required?: boolean;
}): Html {
  const hintId = `${options.id}-hint`;
  const errorId = `${options.id}-error`;
  const invalid = options.error?.fields.includes(options.id) === true;
  const describedBy = [options.hint ? hintId : null, invalid ? errorId : null]
    .filter((v) => v !== null)
    .join(" ");
  return html`<div class="field${invalid ? " field-invalid" : ""}">
<label for="${options.id}">${options.label}</label>
${options.hint ? html`<p class="hint" id="${hintId}">${options.hint}</p>` : null}
${invalid && options.error ? html`<p class="field-error" id="${errorId}">${options.error.message}</p>` : null}
<input id="${options.id}" name="${options.name}" type="${options.type}" autocomplete="${options.autocomplete}"${html`${options.value ? html` value="${options.value}"` : null}${describedBy === "" ? null : html` aria-describedby="${describedBy}"`}${
    invalid ? html` aria-invalid="true"` : null
  }${options.inputmode ? html` inputmode="${options.inputmode}"` : null}${options.pattern ? html` pattern="${options.pattern}"` : null}${
    options.required === false ? null : html` required`
  }${options.autofocus ? html` autofocus` : null}`} spellcheck="false">
</div>`;
}

/** The hidden fields every form carries: the anti-CSRF token bound to the interaction. */
export function csrfField(token: string): Html {
  return html`<input type="hidden" name="csrf" value="${token}">`;
}

/** `action` of a form of the interaction, keeping the language chosen. */
export function actionOf(path: string, lang: Lang): string {
  return `${path}?lang=${lang}`;
}
