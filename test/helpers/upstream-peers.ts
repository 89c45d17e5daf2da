/**
 * The real upstream identity peers of the integration tests, as the tests reach them:
 * - OpenLDAP slapd (ci/identity/slapd: `start.sh`), fixtures of the Métropole and the Ville;
 * - SimpleSAMLphp (ci/identity/saml-idp: `start.sh`) on 127.0.0.1:8089;
 * - an independent oidc-provider (test/fixtures/upstream-oidc-idp), spawned per suite by
 *   start-upstream-oidc-idp.ts.
 * scripts/test.sh starts the first two and exports the variables below; without them the
 * defaults point at the run folders of those start scripts. A peer that is not running makes the
 * tests fail with a message saying how to start it (never skipped).
 *
 * Also: an in-memory `TransientStore` (the database one belongs to src/db), and a tiny scripted
 * browser (cookie jar + HTML form parser) to drive SimpleSAMLphp's and the OIDC IdP's login
 * pages from Node, like ci/identity's recipe does.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type {
  AttributeMapping,
  LdapSettings,
  OidcSourceSettings,
  SamlSourceSettings,
  SourceRecord,
} from "../../src/identity/app/ports.ts";
import type { TransientStore } from "../../src/platform/db/transient-store.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const env = process.env;

function readRequiredFile(path: string, what: string, start: string): string {
  if (!existsSync(path)) {
    throw new Error(
      `${what} not found at ${path}: start it with \`bash ${start}\` (or run scripts/test.sh).`,
    );
  }
  return readFileSync(path, "utf8");
}

/** slapd of ci/identity/slapd. Variables: LDAP_URL, LDAPS_URL, LDAP_CA_FILE, LDAP_OTHER_CA_FILE, LDAP_BASE_DN, LDAP_BIND_DN, LDAP_BIND_PASSWORD. */
export const ldapPeer = {
  url: env.LDAP_URL ?? "ldap://127.0.0.1:3389",
  ldapsUrl: env.LDAPS_URL ?? "ldaps://127.0.0.1:3636",
  caFile: env.LDAP_CA_FILE ?? join(ROOT, "ci/identity/slapd/run/tls/ca.crt"),
  otherCaFile: env.LDAP_OTHER_CA_FILE ?? join(ROOT, "ci/identity/slapd/run/tls/other-ca.crt"),
  baseDn: env.LDAP_BASE_DN ?? "dc=entente,dc=test",
  bindDn: env.LDAP_BIND_DN ?? "cn=entente-reader,ou=services,dc=entente,dc=test",
  bindPassword: env.LDAP_BIND_PASSWORD ?? "reader-secret",
  caPem(): string {
    return readRequiredFile(this.caFile, "the test LDAP CA", "ci/identity/slapd/start.sh");
  },
  otherCaPem(): string {
    return readRequiredFile(this.otherCaFile, "the unrelated test CA", "ci/identity/slapd/start.sh");
  },
};

/** SimpleSAMLphp of ci/identity/saml-idp. Variables: SAML_IDP_ENTITY_ID, SAML_IDP_SSO_URL, SAML_IDP_CERT_FILE, SAML_IDP_SP_DIR. */
export const samlPeer = {
  entityId: env.SAML_IDP_ENTITY_ID ?? "http://127.0.0.1:8089/simplesaml/saml2/idp/metadata.php",
  ssoUrl: env.SAML_IDP_SSO_URL ?? "http://127.0.0.1:8089/simplesaml/saml2/idp/SSOService.php",
  sloUrl: (env.SAML_IDP_SSO_URL ?? "http://127.0.0.1:8089/simplesaml/saml2/idp/SSOService.php").replace(
    "SSOService.php",
    "SingleLogoutService.php",
  ),
  certFile: env.SAML_IDP_CERT_FILE ?? join(ROOT, "ci/identity/saml-idp/run/cert/idp.crt"),
  spDir: env.SAML_IDP_SP_DIR ?? join(ROOT, "ci/identity/saml-idp/run/sp"),
  certPem(): string {
    return readRequiredFile(this.certFile, "the SAML IdP certificate", "ci/identity/saml-idp/start.sh");
  },
};

/**
 * Registers a service provider at SimpleSAMLphp: writes `<SAML_IDP_SP_DIR>/<name>.json`, read by
 * ci/identity/saml-idp/metadata/saml20-sp-remote.php at each request.
 * @returns a function that removes the registration.
 */
export function registerSamlServiceProvider(sp: {
  readonly entityId: string;
  readonly acsUrl: string;
  readonly nameIdFormat?: string;
  readonly nameIdAttribute?: string;
  /** The SP's SingleLogoutService (HTTP-Redirect) and its signing certificate (PEM), for Single Logout. */
  readonly sloUrl?: string;
  readonly certPem?: string;
}): () => void {
  if (!existsSync(samlPeer.spDir)) {
    throw new Error(
      `${samlPeer.spDir} does not exist: start the SAML IdP with \`bash ci/identity/saml-idp/start.sh\`.`,
    );
  }
  const file = join(samlPeer.spDir, `${Buffer.from(sp.entityId).toString("base64url")}.json`);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(sp));
  renameSync(tmp, file); // written whole then renamed: the IdP (it reads "*.json") never sees half a file
  return () => rmSync(file, { force: true });
}

/** A fresh RSA key and self-signed certificate (PEM, openssl), e.g. our SAML SP's signing pair. */
export function makeSigningPair(cn: string): { readonly key: string; readonly cert: string } {
  const dir = mkdtempSync(join(tmpdir(), "entente-keypair-"));
  try {
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", `/CN=${cn}`].concat([
        "-keyout",
        join(dir, "k.pem"),
        "-out",
        join(dir, "c.pem"),
      ]),
      { stdio: "ignore" },
    );
    return { key: readFileSync(join(dir, "k.pem"), "utf8"), cert: readFileSync(join(dir, "c.pem"), "utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- in-memory TransientStore ----------------------------------------------------------------

/**
 * `TransientStore` in memory (tests only): single-use `take`, expiry by the injected clock.
 * `entries` is exposed so that a test can tamper with a stored state.
 */
export function createMemoryTransientStore(now: () => number = Date.now): TransientStore & {
  readonly entries: Map<string, { value: unknown; expiresAt: number }>;
} {
  const entries = new Map<string, { value: unknown; expiresAt: number }>();
  return {
    entries,
    async put(key, value, ttlSeconds) {
      entries.set(key, { value: structuredClone(value), expiresAt: now() + ttlSeconds * 1000 });
    },
    async take(key) {
      const entry = entries.get(key);
      entries.delete(key);
      if (entry === undefined || entry.expiresAt <= now()) return null;
      return entry.value;
    },
    async get(key) {
      const entry = entries.get(key);
      if (entry === undefined || entry.expiresAt <= now()) return null;
      return structuredClone(entry.value);
    },
  };
}

// ---- identity sources as the tests configure them ----------------------------------------

const AGENT_MAPPING: AttributeMapping = {
  givenName: "givenName",
  familyName: "sn",
  usualName: null,
  email: "mail",
  uid: "uid",
  groups: "memberOf",
  role: { fixed: "agent" },
};

export function ldapSource(overrides: Partial<LdapSettings> = {}, secret?: string | null): SourceRecord {
  return {
    kind: "ldap",
    id: "src-ldap-metropole",
    ententeId: "entente-test",
    memberId: "member-metropole",
    label: "Annuaire de la Métropole",
    enabled: true,
    mapping: AGENT_MAPPING,
    secret: secret === undefined ? ldapPeer.bindPassword : secret,
    rowVersion: 1,
    ldap: {
      url: ldapPeer.url,
      startTls: false,
      tlsCaPem: null,
      bindDn: ldapPeer.bindDn,
      searchBase: ldapPeer.baseDn,
      searchFilter: "(&(objectClass=inetOrgPerson)(|(uid={login})(mail={login})))",
      idAttribute: "entryUUID",
      idEncoding: "text",
      timeoutSeconds: 3,
      ...overrides,
    },
  };
}

export function samlSource(overrides: Partial<SamlSourceSettings> = {}): SourceRecord {
  return {
    kind: "saml",
    id: "src-saml-ville",
    ententeId: "entente-test",
    memberId: "member-ville",
    label: "IdP SAML de la Ville",
    enabled: true,
    mapping: { ...AGENT_MAPPING, groups: "groups", role: { attribute: "role", eluValues: ["elu"] } },
    secret: null,
    rowVersion: 1,
    saml: {
      idpEntityId: samlPeer.entityId,
      ssoUrl: samlPeer.ssoUrl,
      idpCertificates: [samlPeer.certPem()],
      clockSkewSeconds: 30,
      idAttribute: "nameID",
      ...overrides,
    },
  };
}

export function oidcSource(
  issuer: string,
  clientId: string,
  secret: string | null,
  overrides: Partial<OidcSourceSettings> = {},
): SourceRecord {
  return {
    kind: "oidc",
    id: "src-oidc-sitiv",
    ententeId: "entente-test",
    memberId: "member-sitiv",
    label: "IdP OpenID Connect du SITIV",
    enabled: true,
    mapping: {
      givenName: "given_name",
      familyName: "family_name",
      usualName: null,
      email: "email",
      uid: "preferred_username",
      groups: "groups",
      role: { fixed: "agent" },
    },
    secret,
    rowVersion: 1,
    oidc: { issuer, clientId, scopes: ["openid", "email", "profile", "groups"], ...overrides },
  };
}

// ---- scripted browser --------------------------------------------------------------------

export interface HtmlForm {
  readonly action: string;
  readonly method: string;
  readonly fields: Readonly<Record<string, string>>;
}

const decodeEntities = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

function attributesOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    out[(m[1] as string).toLowerCase()] = decodeEntities(m[3] ?? m[4] ?? "");
  }
  if (/\schecked\b/i.test(tag)) out.checked = "checked";
  return out;
}

/** Every `<form>` of a page with what a browser would submit (hidden and text inputs, checked boxes). */
export function parseForms(html: string, pageUrl: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const a = attributesOf(m[1] ?? "");
    const fields: Record<string, string> = {};
    for (const im of (m[2] ?? "").matchAll(/<input\b[^>]*>/gi)) {
      const ia = attributesOf(im[0]);
      const type = (ia.type ?? "text").toLowerCase();
      if (!ia.name || ["submit", "button", "image", "reset"].includes(type)) continue;
      if ((type === "checkbox" || type === "radio") && !ia.checked) continue;
      fields[ia.name] = ia.value ?? "";
    }
    forms.push({
      action: new URL(a.action ?? "", pageUrl).toString(),
      method: (a.method ?? "get").toUpperCase(),
      fields,
    });
  }
  return forms;
}

/** Text of a page without its tags, for assertions and failure messages. */
export const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/gi, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** fetch with a per-host cookie jar and manual redirects; `stopAt` ends the walk at a URL prefix (a callback). */
export class ScriptedBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  private cookieHeader(url: string): string | undefined {
    const cookies = this.jar.get(new URL(url).host);
    return cookies && cookies.size > 0 ? [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") : undefined;
  }

  private storeCookies(url: string, res: Response) {
    const host = new URL(url).host;
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const i = pair.indexOf("=");
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      let cookies = this.jar.get(host);
      if (cookies === undefined) {
        cookies = new Map();
        this.jar.set(host, cookies);
      }
      if (/;\s*expires=Thu, 01[- ]Jan[- ]1970/i.test(line) || value === "deleted" || value === "") {
        cookies.delete(name);
      } else cookies.set(name, value);
    }
  }

  async go(
    start: string,
    options: { method?: string; form?: Record<string, string>; stopAt?: string } = {},
  ): Promise<{ url: string; status: number; text: string }> {
    let url = start;
    let method = options.method ?? "GET";
    let form = options.form;
    for (let hop = 0; hop < 20; hop += 1) {
      if (options.stopAt !== undefined && hop > 0 && url.startsWith(options.stopAt)) {
        return { url, status: 0, text: "" };
      }
      const headers: Record<string, string> = {};
      const cookie = this.cookieHeader(url);
      if (cookie) headers.cookie = cookie;
      let body: string | undefined;
      if (form) {
        headers["content-type"] = "application/x-www-form-urlencoded";
        body = new URLSearchParams(form).toString();
      }
      const res = await fetch(url, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
        redirect: "manual",
      });
      this.storeCookies(url, res);
      const location = res.headers.get("location");
      if (res.status >= 300 && res.status < 400 && location) {
        await res.arrayBuffer();
        url = new URL(location, url).toString();
        if (res.status !== 307 && res.status !== 308) {
          method = "GET";
          form = undefined;
        }
        continue;
      }
      return { url, status: res.status, text: await res.text() };
    }
    throw new Error("too many redirects");
  }
}
