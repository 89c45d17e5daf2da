import { formatDateInWords } from "../../shared/date-in-words.ts";
import type { StatusPage } from "../app/service-status.ts";
import type { ServiceState } from "../domain/service-status.ts";

/**
 * The public status page (issue 11 §6) as server-rendered HTML, French first (English with
 * `?lang=en`), RGAA 4.1 / WCAG 2.1 AA: `<html lang>`, one `<h1>`, states in words (never colour
 * alone), the 90-day bars an image with a text alternative, no script.
 */

export type StatusLang = "fr" | "en";

/** Escapes text for HTML content and double-quoted attributes (OWASP XSS Prevention rules 1–2;
 * identity's builder is not reachable through its door, and this one is ten lines). */
const esc = (value: string): string =>
  value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");

const TEXT = {
  fr: {
    title: (name: string) => `État des services — ${name}`,
    intro: "État en direct des services numériques partagés de l'entente, sans connexion.",
    services: "Services",
    current: "Incidents et maintenances en cours ou prévus",
    recent: "Terminés ces 7 derniers jours",
    none: "Aucun incident ni maintenance en cours.",
    noService: "Aucun service au catalogue.",
    uptime: (p: string | null) =>
      p === null ? "disponibilité sur 90 jours : pas encore mesurée" : `disponibilité sur 90 jours : ${p} %`,
    bars: "Disponibilité par jour sur 90 jours, du plus ancien au plus récent",
    day: (day: string, p: string | null) => `${day} : ${p === null ? "pas de mesure" : `${p} %`}`,
    maintenanceDay: (minutes: string) => `maintenance planifiée ${minutes}, hors calcul`,
    maintenanceDays: "Maintenances planifiées (non comptées dans la disponibilité)",
    hub: "Fédération d'identité",
    affects: "Services concernés",
    members: "Membres concernés",
    from: "Du",
    to: "au",
    generated: "Mis à jour le",
    other: "English",
    state: {
      operational: "Opérationnel",
      degraded: "Dégradé",
      down: "Indisponible",
      maintenance: "En maintenance",
      unknown: "État inconnu",
    } satisfies Record<ServiceState, string>,
    kind: { incident: "Incident", maintenance: "Maintenance" },
    status: {
      investigating: "en cours d'analyse",
      identified: "cause identifiée",
      monitoring: "sous surveillance",
      resolved: "résolu",
      scheduled: "prévue",
      in_progress: "en cours",
      completed: "terminée",
    } as Record<string, string>,
  },
  en: {
    title: (name: string) => `Service status — ${name}`,
    intro: "Live status of the entente's shared digital services, no sign-in needed.",
    services: "Services",
    current: "Current and planned incidents and maintenance",
    recent: "Ended in the last 7 days",
    none: "No incident or maintenance under way.",
    noService: "No service in the catalogue.",
    uptime: (p: string | null) => (p === null ? "90-day uptime: not measured yet" : `90-day uptime: ${p} %`),
    bars: "Uptime per day over 90 days, oldest first",
    day: (day: string, p: string | null) => `${day}: ${p === null ? "no data" : `${p} %`}`,
    maintenanceDay: (minutes: string) => `planned maintenance ${minutes}, not counted`,
    maintenanceDays: "Planned maintenance (not counted in uptime)",
    hub: "Identity federation",
    affects: "Affected services",
    members: "Affected members",
    from: "From",
    to: "to",
    generated: "Updated",
    other: "Français",
    state: {
      operational: "Operational",
      degraded: "Degraded",
      down: "Down",
      maintenance: "Under maintenance",
      unknown: "Unknown",
    } satisfies Record<ServiceState, string>,
    kind: { incident: "Incident", maintenance: "Maintenance" },
    status: {
      investigating: "investigating",
      identified: "identified",
      monitoring: "monitoring",
      resolved: "resolved",
      scheduled: "scheduled",
      in_progress: "in progress",
      completed: "completed",
    } as Record<string, string>,
  },
} as const;

/** A per-ten-thousand as a percent with two decimals ("99.95"; "99,95" in French). */
export function percent(permyriad: number | null, lang: StatusLang = "en"): string | null {
  if (permyriad === null) return null;
  const text = `${Math.floor(permyriad / 100)}.${String(permyriad % 100).padStart(2, "0")}`;
  return lang === "fr" ? text.replace(".", ",") : text;
}

/** Built once: an `Intl.DateTimeFormat` costs far more to make than to use. */
const FORMATS: Record<StatusLang, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }),
  en: new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }),
};

/** "1er décembre 2026 à 10:00" (French ordinal of the first, see formatDateInWords). */
const when = (date: Date, lang: StatusLang) => formatDateInWords(FORMATS[lang], date);

const STYLE = `body{font-family:system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#161616;background:#fff;line-height:1.5}
a{color:#000091}.skip{position:absolute;left:-10000px}.skip:focus{left:1rem}
.svc{border:1px solid #929292;border-radius:4px;padding:.5rem 1rem;margin:.5rem 0;list-style:none}
.svc h3{display:inline;font-size:1.1rem;margin:0}.state{font-weight:bold;margin-left:.5rem}
.s-operational{color:#18753c}.s-degraded{color:#8d4700}.s-down{color:#ce0500}.s-maintenance{color:#0063cb}.s-unknown{color:#3a3a3a}
.bars{display:flex;gap:1px;height:2rem;margin:.25rem 0}.bar{flex:1;background:#ddd}
.b-full{background:#18753c}.b-high{background:#b34000}.b-low{background:#ce0500}
.b-maint{background:repeating-linear-gradient(45deg,#0063cb 0 3px,#6a9fe0 3px 6px)}.maint{color:#0063cb;font-size:.9rem}
.inc{border-left:4px solid #0063cb;padding-left:1rem;margin:1rem 0}ul.svcs{padding:0}`;

type Bar = StatusPage["services"][number]["bars"][number];

/**
 * A day's colour: planned maintenance (blue, striped) when the day had some and no failure
 * outside it (a failure outside the window is the worse news); else its uptime's.
 */
const barClass = ({ permyriad: p, maintenanceMinutes }: Bar) =>
  maintenanceMinutes > 0 && (p === null || p === 10_000)
    ? "bar b-maint"
    : p === null
      ? "bar"
      : p === 10_000
        ? "bar b-full"
        : p >= 9_900
          ? "bar b-high"
          : "bar b-low";

/** Minutes as `2 h 05` (or `45 min`). */
const duration = (minutes: number) =>
  minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")}`;

function barHtml(b: Bar, lang: StatusLang): string {
  const t = TEXT[lang];
  const maintenance =
    b.maintenanceMinutes > 0 ? ` — ${t.maintenanceDay(duration(b.maintenanceMinutes))}` : "";
  return `<span class="${barClass(b)}" title="${esc(t.day(b.day, percent(b.permyriad, lang)) + maintenance)}"></span>`;
}

/** The days with planned maintenance in words (the bars' colour is never the only sign). */
function maintenanceHtml(bars: readonly Bar[], lang: StatusLang): string {
  const t = TEXT[lang];
  const days = bars.filter((b) => b.maintenanceMinutes > 0);
  if (days.length === 0) return "";
  const items = days
    .map((b) => `<li>${b.day}${lang === "fr" ? " : " : ": "}${duration(b.maintenanceMinutes)}</li>`)
    .join("");
  return `<div class="maint"><p>${t.maintenanceDays}</p><ul data-maintenance-days>${items}</ul></div>`;
}

function servicesHtml(page: StatusPage, lang: StatusLang): string {
  const t = TEXT[lang];
  if (page.services.length === 0) return `<p>${t.noService}</p>`;
  const items = page.services.map((s) => {
    const bars = s.bars.map((b) => barHtml(b, lang)).join("");
    const name = s.kind === "hub" ? t.hub : s.name;
    return `<li class="svc" data-service="${esc(s.clientId)}"><h3>${esc(name)}</h3>
<span class="state s-${s.status}" data-status="${s.status}">${t.state[s.status]}</span>
<div class="bars" role="img" aria-label="${esc(t.bars)}">${bars}</div>
<p>${esc(t.uptime(percent(s.uptimePermyriad, lang)))}</p>${maintenanceHtml(s.bars, lang)}</li>`;
  });
  return `<ul class="svcs">${items.join("\n")}</ul>`;
}

function incidentsHtml(page: StatusPage, list: StatusPage["current"], lang: StatusLang): string {
  const t = TEXT[lang];
  const names = new Map(page.services.map((s) => [s.clientId, s.name]));
  return list
    .map((i) => {
      const services = i.clientIds.map((id) => names.get(id)).filter((n) => n !== undefined);
      const updates = i.updates
        .map(
          (u) =>
            `<li><time datetime="${u.at.toISOString()}">${when(u.at, lang)}</time> — ${esc(t.status[u.status] ?? u.status)}${colon(lang)}${esc(u.message)}</li>`,
        )
        .join("");
      const period = `${t.from} ${when(i.startsAt, lang)}${i.endsAt === null ? "" : ` ${t.to} ${when(i.endsAt, lang)}`}`;
      return `<article class="inc" data-incident="${esc(i.id)}"><h3>${t.kind[i.kind]} — ${esc(i.title)} (${esc(t.status[i.status] ?? i.status)})</h3>
<p>${period}</p><p>${t.affects}${colon(lang)}${esc(services.join(", "))}</p>
${i.memberNames.length > 0 ? `<p>${t.members}${colon(lang)}${esc(i.memberNames.join(", "))}</p>` : ""}<ol reversed>${updates}</ol></article>`;
    })
    .join("\n");
}

/** The whole page. */
export function renderStatusPage(page: StatusPage, lang: StatusLang, path: string): string {
  const t = TEXT[lang];
  const other = lang === "fr" ? "en" : "fr";
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t.title(page.ententeName))}</title><style>${STYLE}</style></head>
<body><a class="skip" href="#main">${lang === "fr" ? "Aller au contenu" : "Skip to content"}</a>
<header><p><a href="${esc(path)}?lang=${other}" lang="${other}" hreflang="${other}">${t.other}</a></p></header>
<main id="main"><h1>${esc(t.title(page.ententeName))}</h1><p>${t.intro}</p>
<section aria-labelledby="h-current"><h2 id="h-current">${t.current}</h2>
${page.current.length === 0 ? `<p>${t.none}</p>` : incidentsHtml(page, page.current, lang)}</section>
<section aria-labelledby="h-services"><h2 id="h-services">${t.services}</h2>${servicesHtml(page, lang)}</section>
${page.recent.length === 0 ? "" : `<section aria-labelledby="h-recent"><h2 id="h-recent">${t.recent}</h2>${incidentsHtml(page, page.recent, lang)}</section>`}
</main><footer><p>${t.generated} <time datetime="${page.generatedAt.toISOString()}">${when(page.generatedAt, lang)}</time></p></footer>
</body></html>`;
}

/** The page of an entente that does not exist (HTTP 404), in the same layout. */
export function renderStatusNotFound(lang: StatusLang, ententeId: string): string {
  const title = lang === "fr" ? "Page d'état introuvable" : "Status page not found";
  const text =
    lang === "fr"
      ? `Aucune entente « ${ententeId} » : vérifiez l'adresse que vous a donnée votre entente.`
      : `No entente "${ententeId}": check the address your entente gave you.`;
  return statusMessagePage(lang, title, text);
}

/** The page of a malformed address (HTTP 400): an entente id is letters, digits, `.`, `_`, `-`. */
export function renderStatusBadAddress(lang: StatusLang): string {
  const title = lang === "fr" ? "Adresse invalide" : "Invalid address";
  const text =
    lang === "fr"
      ? "Cette adresse ne désigne pas une entente (lettres, chiffres, « . », « _ » et « - » seulement) : vérifiez l'adresse que vous a donnée votre entente."
      : 'This address does not name an entente (letters, digits, ".", "_" and "-" only): check the address your entente gave you.';
  return statusMessagePage(lang, title, text);
}

function statusMessagePage(lang: StatusLang, title: string, text: string): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body><main id="main"><h1>${esc(title)}</h1><p>${esc(text)}</p></main></body></html>`;
}

/** A colon as each language writes it: French puts a (no-break) space before it, English none. */
function colon(lang: StatusLang): string {
  return lang === "fr" ? "\u00a0: " : ": ";
}
