import type { Lang } from "../../shared/errors.ts";

// The portal's pages are server-rendered strings (a first page light enough for a phone on a
// slow network: no framework payload). The escaping helper is identity's sign-in pages' one
// (src/identity/http/interaction/html.ts), repeated here as contexts share no internals.

/** Escapes text for HTML content and double-quoted attribute values (OWASP XSS Prevention, rules 1 and 2). */
export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** HTML already escaped or built from escaped parts. */
export interface Html {
  readonly html: string;
}

type Value = string | number | Html | readonly Html[] | null | undefined | false;

/** Builds HTML: interpolated strings are escaped, `Html` values (and lists of them) are not. */
export function html(strings: TemplateStringsArray, ...values: readonly Value[]): Html {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    if (value === null || value === undefined || value === false) out += "";
    else if (Array.isArray(value)) out += (value as readonly Html[]).map((v) => v.html).join("");
    else if (typeof value === "object") out += (value as Html).html;
    else out += escapeHtml(String(value));
    out += strings[i + 1] ?? "";
  });
  return { html: out };
}

/** Trusted markup (an SVG drawn by the domain from escaped text). */
export const raw = (markup: string): Html => ({ html: markup });

/**
 * The Content-Security-Policy of the portal's pages: the console's (platform/http/security-headers.ts)
 * except that the one inline script (the live search, assets/portal.js) is allowed by its
 * SHA-256 — inline, it costs no second round trip on a slow network (a "Fast 3G" latency is
 * 560 ms); nothing else may run.
 */
export function portalCsp(scriptHash: string, production: boolean): string {
  return [
    "default-src 'self'",
    "base-uri 'self'",
    "connect-src 'self'",
    "font-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "img-src 'self' data:",
    "object-src 'none'",
    `script-src 'sha256-${scriptHash}'`,
    "script-src-attr 'none'",
    "style-src 'self' 'unsafe-inline'",
    ...(production ? ["upgrade-insecure-requests"] : []),
  ].join(";");
}

// Phone first: one column, tiles in a grid from 40rem. Contrast ≥ 4.5:1 (WCAG 1.4.3), visible
// focus (2.4.7), targets ≥ 44 px (2.5.5). Inline: one request less on a slow network.
const CSS = `*{box-sizing:border-box}body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Arial,sans-serif;color:#1e1e1e;background:#f6f6f6}
a{color:#000091}a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #0a76f6;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:2}
header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;background:#fff;border-bottom:1px solid #ddd;padding:.5rem 1rem}
.org{display:flex;align-items:center;gap:.5rem;font-weight:700;margin:0;flex:1 1 12rem}.org svg{width:40px;height:40px;flex:none}
.who{margin:0;font-size:.875rem}header form{margin:0}
button{font:inherit;min-height:44px;padding:.4rem .9rem;border:1px solid #000091;border-radius:4px;background:#fff;color:#000091;cursor:pointer}
button.primary{background:#000091;color:#fff}
main{max-width:72rem;margin:0 auto;padding:1rem}h1{font-size:1.5rem;margin:.5rem 0 1rem}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
.bar{display:flex;flex-wrap:wrap;gap:.75rem 1.5rem;align-items:end}.bar form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:0}
label{display:block;font-weight:600}input[type=search]{font:inherit;min-height:44px;padding:.4rem .6rem;border:1px solid #666;border-radius:4px;width:min(22rem,80vw)}
.check{display:flex;gap:.5rem;align-items:center;font-weight:400}.check input{width:1.25rem;height:1.25rem}
.tiles{list-style:none;margin:0;padding:0;display:grid;gap:.75rem;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr))}
.tile{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.75rem;display:flex;flex-direction:column;gap:.4rem}
.tile a{display:flex;gap:.6rem;align-items:center;font-weight:700;min-height:44px}.tile img,.tile svg{width:40px;height:40px;flex:none;border-radius:6px}
.tile p{margin:0;font-size:.875rem;color:#3a3a3a}.badges{display:flex;gap:.4rem;flex-wrap:wrap}
.badge{font-size:.75rem;font-weight:600;padding:.1rem .45rem;border-radius:3px;background:#eee;color:#1e1e1e}
.badge-alpha{background:#fee7fc;color:#6e005e}.badge-beta{background:#feecc2;color:#5e3c00}.badge-stable{background:#dffee6;color:#14532d}
.st-operational{background:#dffee6;color:#14532d}.st-degraded{background:#feecc2;color:#5e3c00}.st-down{background:#ffe9e9;color:#8c0000}
.st-maintenance{background:#e8edff;color:#000091}.st-unknown{background:#eee;color:#3a3a3a}
.news{list-style:none;margin:0;padding:0;display:grid;gap:.75rem}.news article{background:#fff;border-left:4px solid #000091;padding:.75rem 1rem}
.news h3{margin:0;font-size:1.05rem}.news p{margin:.3rem 0;white-space:pre-line}.muted{color:#3a3a3a;font-size:.875rem}
.ok{color:#14532d;font-weight:600}[hidden]{display:none!important}`;

/** The portal's page layout: `<html lang>`, skip link, the header given, one `<main>` with one `<h1>`. */
export function renderLayout(options: {
  readonly lang: Lang;
  readonly title: string;
  readonly header: Html;
  readonly body: Html;
  /** The inline script (allowed by its hash in `portalCsp`). */
  readonly script?: string;
}): string {
  const t = options.lang === "fr" ? "Aller au contenu" : "Skip to content";
  return `<!doctype html>${
    html`<html lang="${options.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title><style>${raw(CSS)}</style></head>
<body><a class="skip" href="#contenu">${t}</a>${options.header}<main id="contenu" tabindex="-1">${options.body}</main>${
      options.script === undefined ? null : html`<script>${raw(options.script)}</script>`
    }</body></html>`.html
  }`;
}
