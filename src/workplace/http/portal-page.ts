import { z } from "zod";
import { formatDateInWords } from "../../shared/date-in-words.ts";
import type { Lang } from "../../shared/errors.ts";
import type { PortalAnnouncement, PortalHome } from "../app/portal-home.ts";

/**
 * Longest search of the portal (characters): the field stops there (`maxlength`) and a longer
 * `q` (a pasted text, a hand-made link) is searched on its first MAX_SEARCH_LENGTH characters —
 * never an error page.
 */
export const MAX_SEARCH_LENGTH = 200;

/** The first MAX_SEARCH_LENGTH characters of `q` (characters, so that an emoji is never cut in two). */
const cut = (q: string) => Array.from(q).slice(0, MAX_SEARCH_LENGTH).join("");

/** The portal's search as it is run: `q` cut at MAX_SEARCH_LENGTH characters. */
export const SearchQuery = z
  .string()
  .optional()
  .transform((q) => cut(q ?? ""));

/** A search of the portal's first page: the text searched, and whether `q` was cut to it. */
export interface PortalSearch {
  readonly text: string;
  /** `q` was longer than MAX_SEARCH_LENGTH characters: the page says so. */
  readonly cut: boolean;
}

/** The first page's `q`, cut as SearchQuery, remembering that it was. */
export const PortalSearchQuery = z
  .string()
  .optional()
  .transform((q): PortalSearch => {
    const text = cut(q ?? "");
    return { text, cut: text !== (q ?? "") };
  });

import type { PortalSession } from "../app/portal-ports.ts";
import { monogramSvg } from "../domain/logo.ts";
import { arrangeTiles, matchesSearch, type PortalTile, searchTextOf } from "../domain/portal-tiles.ts";
import { type Html, html, raw, renderLayout } from "./portal-html.ts";
import { type PortalText, portalText } from "./portal-text.ts";

/** Where a portal page is and in which language (forms post back to `base…?lang=`). */
export interface PageContext {
  readonly lang: Lang;
  /** `/portal/<entente id>` */
  readonly base: string;
  readonly session: PortalSession;
}

const withLang = (path: string, lang: Lang) => `${path}?lang=${lang}`;
const csrf = (c: PageContext) => html`<input type="hidden" name="csrf" value="${c.session.csrfToken}">`;

/** The header: the member's logo (monogram) and name, who is signed in, the language switch, sign-out. */
function header(c: PageContext, memberId: string, memberName: string, t: PortalText): Html {
  const other: Lang = c.lang === "fr" ? "en" : "fr";
  return html`<header><p class="org">${raw(monogramSvg(memberId, memberName))}<span>${memberName}</span></p>
<p class="who">${t.signedInAs} ${c.session.displayName}</p>
<nav aria-label="${t.languageNav}"><a href="${withLang(`${c.base}/`, other)}" lang="${other}" hreflang="${other}">${t.otherLanguage}</a></nav>
<form method="post" action="${withLang(`${c.base}/logout`, c.lang)}">${csrf(c)}<button type="submit">${t.signOut}</button></form></header>`;
}

/** An ISO day in words ("1er décembre 2026", "1 December 2026"). */
const day = (iso: string, lang: Lang) =>
  formatDateInWords(
    new Intl.DateTimeFormat(lang === "fr" ? "fr-FR" : "en-GB", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    }),
    new Date(`${iso}T12:00:00Z`),
  );

function announcement(c: PageContext, a: PortalAnnouncement, t: PortalText, memberName: string): Html {
  const author = a.authorMemberId === null ? t.bySecretariat : memberName;
  const dates =
    a.shownUntil === null
      ? `${t.since} ${day(a.shownFrom, c.lang)}`
      : `${t.from} ${day(a.shownFrom, c.lang)} ${t.until} ${day(a.shownUntil, c.lang)}`;
  const ack = !a.requiresAck
    ? null
    : a.acknowledged
      ? html`<p class="ok">✓ ${t.acknowledged}</p>`
      : html`<form method="post" action="${withLang(`${c.base}/announcements/${a.id}/ack`, c.lang)}">${csrf(c)}<button type="submit" class="primary">${t.acknowledge}</button></form>`;
  const headingId = `annonce-${a.id}`;
  return html`<li><article aria-labelledby="${headingId}"><h3 id="${headingId}">${a.title}</h3>
<p class="muted">${author} · ${dates}${a.requiresAck && !a.acknowledged ? html` · <strong>${t.toAcknowledge}</strong>` : null}</p>
<p>${a.body}</p>${ack}</article></li>`;
}

function tile(
  c: PageContext,
  s: PortalTile,
  t: PortalText,
  newTab: boolean,
  query: string,
  prefix: string,
): Html {
  const logo =
    s.logoUrl === null
      ? raw(monogramSvg(s.clientId, s.name).replace(/ role="img" aria-label="[^"]*"/, ' aria-hidden="true"'))
      : html`<img src="${s.logoUrl}" alt="" width="40" height="40">`;
  const target = newTab ? html` target="_blank" rel="noopener noreferrer"` : null;
  const status =
    s.status === undefined ? null : html`<span class="badge st-${s.status}">${t.status[s.status]}</span>`;
  const search = searchTextOf(s, t.kinds[s.kind]);
  return html`<li class="tile" data-search="${search}"${matchesSearch(search, query) ? null : html` hidden`}>
<a href="${s.url}"${target} id="${prefix}${s.clientId}">${logo}<span>${s.name}${newTab ? html` <span class="muted">${t.newTab}</span>` : null}</span></a>
<div class="badges"><span class="badge badge-${s.maturity}">${t.maturity[s.maturity]}</span>${status}</div>
${s.description === "" ? null : html`<p>${s.description}</p>`}
<form method="post" action="${withLang(`${c.base}/pins`, c.lang)}">${csrf(c)}<input type="hidden" name="clientId" value="${s.clientId}"><input type="hidden" name="pin" value="${s.pinned ? "0" : "1"}"><input type="hidden" name="q" value="${query}">
<button type="submit" aria-pressed="${s.pinned ? "true" : "false"}" aria-describedby="${prefix}${s.clientId}">${s.pinned ? t.unpin : t.pin}</button></form></li>`;
}

function searchBar(c: PageContext, t: PortalText, query: string, newTab: boolean): Html {
  return html`<div class="bar"><form role="search" method="get" action="${c.base}/"><input type="hidden" name="lang" value="${c.lang}">
<div><label for="q">${t.searchLabel}</label><input type="search" id="q" name="q" value="${query}" maxlength="${MAX_SEARCH_LENGTH}" autocomplete="off" aria-controls="services"></div>
<button type="submit">${t.searchButton}</button></form>
<form method="post" action="${withLang(`${c.base}/preferences`, c.lang)}">${csrf(c)}
<label class="check"><input type="checkbox" name="newTab" value="1"${newTab ? html` checked` : null}>${t.newTabLabel}</label>
<button type="submit">${t.save}</button></form></div>`;
}

/**
 * The portal's first page: announcements, search and the new-tab choice (and, when `q` was cut,
 * that the search was made on its first MAX_SEARCH_LENGTH characters), favourites, the tiles by kind.
 */
export function renderHome(c: PageContext, home: PortalHome, search: PortalSearch, script: string): string {
  const t = portalText(c.lang);
  const query = search.text;
  const newTab = home.preferences.openInNewTab;
  const { favourites, groups } = arrangeTiles(home.tiles, home.preferences.pinned);
  const matching = home.tiles.filter((s) => matchesSearch(searchTextOf(s, t.kinds[s.kind]), query)).length;
  const news =
    home.announcements.length === 0
      ? null
      : html`<section aria-labelledby="h-news"><h2 id="h-news">${t.announcements}</h2><ul class="news">${home.announcements.map((a) => announcement(c, a, t, home.member.name))}</ul></section>`;
  const favs = html`<section aria-labelledby="h-fav"><h2 id="h-fav">${t.favourites}</h2>${
    favourites.length === 0
      ? html`<p class="muted">${t.favouritesNone}</p>`
      : html`<ul class="tiles">${favourites.map((s) => tile(c, s, t, newTab, query, "fav-"))}</ul>`
  }</section>`;
  const kinds = groups.map(
    (g) =>
      html`<section aria-labelledby="h-${g.kind}" data-group${g.tiles.some((s) => matchesSearch(searchTextOf(s, t.kinds[s.kind]), query)) ? null : html` hidden`}><h2 id="h-${g.kind}">${t.kinds[g.kind]}</h2><ul class="tiles">${g.tiles.map((s) => tile(c, s, t, newTab, query, "svc-"))}</ul></section>`,
  );
  const none = html`<p id="none" role="status" data-none="${t.resultsNone}">${query !== "" && matching === 0 ? t.resultsNone : ""}</p>`;
  const cutNotice = search.cut
    ? html`<p class="notice" role="status">${t.searchCut(MAX_SEARCH_LENGTH)}</p>`
    : null;
  const body = html`<h1>${t.title}</h1>${news}${searchBar(c, t, query, newTab)}${cutNotice}${none}${favs}
<div id="services">${home.tiles.length === 0 ? html`<p>${t.noServices}</p>` : kinds}</div>`;
  return renderLayout({
    lang: c.lang,
    title: `${t.title} — ${home.member.name}`,
    header: header(c, home.member.id, home.member.name, t),
    body,
    script,
  });
}

/** A page with one message (signed out, or an error with its code), and a link to sign in again. */
export function renderMessage(
  lang: Lang,
  base: string,
  title: string,
  message: string,
  code: string | null,
): string {
  const t = portalText(lang);
  const body = html`<h1>${title}</h1><p${code === null ? null : html` role="alert"`}>${message}</p>${
    code === null ? null : html`<p class="muted">${t.errorCode} <code>${code}</code></p>`
  }<p><a href="${withLang(`${base}/`, lang)}">${t.signInAgain}</a></p>`;
  return renderLayout({ lang, title, header: html``, body });
}

/**
 * A message in French then English whatever the language asked (the sign-in throttle's 429: the
 * person may have come from a link without `lang`), with the catalog's code and a way back.
 */
export function renderBilingualMessage(
  base: string,
  code: string,
  message: { readonly fr: string; readonly en: string },
): string {
  const [fr, en] = [portalText("fr"), portalText("en")];
  const body = html`<h1>${fr.tooManyTitle}</h1><p role="alert">${message.fr}</p><div lang="en"><h2>${
    en.tooManyTitle
  }</h2><p>${message.en}</p></div><p class="muted">${fr.errorCode} <code>${code}</code></p><p><a href="${withLang(
    `${base}/`,
    "fr",
  )}">${fr.signInAgain}</a> · <a href="${withLang(`${base}/`, "en")}" lang="en">${en.signInAgain}</a></p>`;
  return renderLayout({ lang: "fr", title: `${fr.tooManyTitle} · ${en.tooManyTitle}`, header: html``, body });
}
