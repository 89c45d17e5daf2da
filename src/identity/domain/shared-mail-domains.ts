import { EntenteError } from "../errors.ts";

/**
 * Shared consumer mail domains (issue 10, item 7): domains where anybody can open an address
 * (élus' personal addresses often live there). No member may own one: a member's IdP could then
 * assert any address of the provider, another member's élu's included. Their addresses are
 * registered one by one instead (docs/identity.md, "Routing").
 *
 * An entry is a domain (`gmail.com`), which also covers its sub-domains, or `label.*` (`yahoo.*`),
 * which covers `label.` followed by a top-level domain (`yahoo.fr`) or a two-label public suffix
 * whose first label is `co`, `com`, `net` or `org` (`yahoo.co.uk`, `hotmail.com.br`), and their
 * sub-domains. The list is ours (no maintained library of consumer domains exists on npm with
 * the French providers): the big international providers and the French access providers'
 * historical mail domains. `IDENTITY_SHARED_MAIL_DOMAINS` adds entries (docs/environment.md).
 */
export const SHARED_MAIL_DOMAINS: readonly string[] = [
  // International webmail providers.
  "gmail.com",
  "googlemail.com",
  "outlook.*",
  "hotmail.*",
  "live.*",
  "msn.com",
  "windowslive.com",
  "yahoo.*",
  "ymail.com",
  "rocketmail.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "aol.*",
  "gmx.*",
  "mail.com",
  "protonmail.com",
  "protonmail.ch",
  "proton.me",
  "pm.me",
  "tutanota.com",
  "tuta.io",
  "yandex.*",
  "zoho.com",
  "fastmail.com",
  // French access and mail providers.
  "orange.fr",
  "wanadoo.fr",
  "free.fr",
  "aliceadsl.fr",
  "sfr.fr",
  "neuf.fr",
  "cegetel.net",
  "club-internet.fr",
  "numericable.fr",
  "noos.fr",
  "bbox.fr",
  "laposte.net",
  "voila.fr",
  "caramail.com",
  "libertysurf.fr",
  "nordnet.fr",
];

const WILDCARD_SUFFIX_FIRST = new Set(["co", "com", "net", "org"]);

/**
 * Whether `domain` (normalised: lowercase, no trailing dot) is a shared consumer mail domain,
 * or a sub-domain of one, by `SHARED_MAIL_DOMAINS` and the `extra` entries (same syntax).
 * @example isSharedMailDomain("yahoo.co.uk") // true
 * @example isSharedMailDomain("hotmail.ville-lyon.fr") // false: `ville-lyon.fr` is no public suffix
 */
export function isSharedMailDomain(domain: string, extra: readonly string[] = []): boolean {
  const labels = domain.split(".");
  const entries = [...SHARED_MAIL_DOMAINS, ...extra.map((e) => e.trim().toLowerCase())];
  for (let i = 0; i < labels.length - 1; i += 1) {
    const candidate = labels.slice(i);
    if (entries.some((entry) => entryMatches(entry, candidate))) return true;
  }
  return false;
}

function entryMatches(entry: string, labels: readonly string[]): boolean {
  if (!entry.endsWith(".*")) return labels.join(".") === entry;
  const head = entry.slice(0, -2).split(".");
  if (head.some((label, i) => labels[i] !== label)) return false;
  const suffix = labels.slice(head.length);
  return suffix.length === 1 || (suffix.length === 2 && WILDCARD_SUFFIX_FIRST.has(suffix[0] ?? ""));
}

/**
 * A member domain must not be a shared consumer mail domain.
 * @throws EntenteError `identity.domain_shared` (422).
 */
export function ensureNotSharedMailDomain(domain: string, extra: readonly string[]): void {
  if (isSharedMailDomain(domain, extra)) {
    throw new EntenteError("identity.domain_shared", { domain });
  }
}
