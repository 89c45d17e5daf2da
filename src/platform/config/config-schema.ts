import { isIP } from "node:net";
import { z } from "zod";

/**
 * The environment variables Entente reads, as one zod schema: the single source of the checks
 * (`loadConfig`) and of `docs/environment.md` (`renderEnvironmentDocs`). Values arrive as text;
 * an empty value counts as unset. Messages name what is expected: they are shown to whoever
 * starts the server, next to the variable's name.
 */

/** Entente file imported on first start when `IMPORT_EXAMPLE` is on (development default). */
export const DEFAULT_EXAMPLE = "examples/lyon-2023/entente.yaml";

/** Minimum length of `SESSION_SECRET`: 32 characters, about 192 bits from `openssl rand -base64 32`. */
export const SESSION_SECRET_MIN_LENGTH = 32;

/** Variables whose value is never echoed in an error message (they may carry a password). */
export const SECRET_VARIABLES: ReadonlySet<string> = new Set([
  "SESSION_SECRET",
  "DATABASE_URL",
  "REDIS_URL",
  "DEMO_PASSWORD",
]);

/** Modes of the server (`NODE_ENV`). */
export const NODE_ENVS = ["development", "production", "test"] as const;
/** Levels of pino, the logger, from the most to the least severe (`LOG_LEVEL`). */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** An entry of `IDENTITY_SHARED_MAIL_DOMAINS`: a lowercase domain, or `label.*`. */
const SHARED_MAIL_DOMAIN_ENTRY =
  /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.(?:\*|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)$/u;

const ON = new Set(["true", "1", "yes", "on"]);
const OFF = new Set(["false", "0", "no", "off"]);

/** Named ranges `TRUSTED_PROXIES` accepts besides addresses and CIDRs (those of proxy-addr, Fastify's library). */
export const PROXY_RANGE_NAMES = ["loopback", "linklocal", "uniquelocal"] as const;

/** Whether `entry` is an IPv4/IPv6 address, a CIDR (`10.0.0.0/8`, `fd00::/8`) or a named range. */
export function isProxyEntry(entry: string): boolean {
  if ((PROXY_RANGE_NAMES as readonly string[]).includes(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

const url = (protocols: RegExp, expected: string) =>
  z.url({ protocol: protocols, error: `expected ${expected}` });

/**
 * The schema over the environment: one key per variable, each `.describe()`d (that text is the
 * documentation), plus the rules across variables (a secret in production). Parse only the
 * variables it names: `loadConfig` picks them out of the environment.
 */
export const envSchema = z
  .object({
    NODE_ENV: z
      .enum(NODE_ENVS, { error: `expected one of ${NODE_ENVS.join(", ")}` })
      .default("development")
      .describe(
        "Mode of the server. `production` requires `SESSION_SECRET` and imports no example; `development` generates a session secret and imports the example on first start.",
      ),
    HOST: z
      .string()
      .min(1)
      .default("127.0.0.1")
      .describe("Address the server listens on. Use `0.0.0.0` (or `::`) in a container or behind a proxy."),
    PORT: z
      .string()
      .regex(/^\d{1,5}$/, { error: "expected an integer from 0 to 65535" })
      .default("3000")
      .transform(Number)
      .pipe(z.number().max(65535, { error: "expected an integer from 0 to 65535" }))
      .describe("TCP port the server listens on (0 picks a free port)."),
    TRUSTED_PROXIES: z
      .string()
      .transform((value) => value.split(/[\s,]+/).filter((entry) => entry !== ""))
      .pipe(
        z.array(
          z.string().refine(isProxyEntry, {
            error: (issue) =>
              `expected addresses or CIDRs separated by commas (\`10.0.0.5, 192.168.10.0/24\`) or ${PROXY_RANGE_NAMES.join(", ")}; \`${String(issue.input)}\` is none`,
          }),
        ),
      )
      .optional()
      .describe(
        "Addresses or CIDRs of the reverse proxies in front of Entente (`10.0.0.5, 192.168.10.0/24`; also `loopback`, `linklocal`, `uniquelocal`), separated by commas. Only a request whose socket comes from one of them has its `X-Forwarded-For`, `X-Forwarded-Proto` and `X-Forwarded-Host` read, by the whole server: the client address of sign-in throttles and audit events, and whether the request came over HTTPS (the `Secure` session cookie of production). Unset: forwarded headers are ignored everywhere. Behind a TLS-terminating proxy in production, set it, or the console cannot keep a session (docs/deployment.md).",
      ),
    DATABASE_URL: url(/^postgres(ql)?$/, "a postgres:// or postgresql:// URL")
      .optional()
      .describe(
        "PostgreSQL connection URL (`postgres://user:password@host:5432/entente`). Unset: the embedded PGlite database in `DATA_DIR` is used. Required to run more than one node.",
      ),
    DATA_DIR: z
      .string()
      .min(1)
      .default("./data")
      .describe(
        "Folder of the embedded PGlite database (used when `DATABASE_URL` is unset); created if missing.",
      ),
    REDIS_URL: url(/^rediss?$/, "a redis:// or rediss:// URL")
      .optional()
      .describe(
        "Redis (or Valkey) URL. When set, the OpenID Provider keeps its short-lived state there (interactions, sessions, codes, tokens, upstream sign-in state) instead of the database: faster, and shared by every node. Console sessions stay in the database.",
      ),
    SESSION_SECRET: z
      .string()
      .min(SESSION_SECRET_MIN_LENGTH, {
        error: `expected at least ${SESSION_SECRET_MIN_LENGTH} characters (generate one with \`openssl rand -base64 48\`)`,
      })
      .optional()
      .describe(
        `Key that signs session cookies, at least ${SESSION_SECRET_MIN_LENGTH} characters (\`openssl rand -base64 48\`). Required in production, and the same on every node. Unset in development or test: a random one is generated, so sessions do not survive a restart.`,
      ),
    LOG_LEVEL: z
      .enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(", ")}` })
      .default("info")
      .describe("Lowest level written to the log (JSON lines on standard output)."),
    PUBLIC_URL: url(/^https?$/, "an http:// or https:// URL")
      .optional()
      .describe(
        "URL at which users reach Entente (`https://entente.example.org`), when it differs from `http://HOST:PORT` (behind a proxy). Used in links and in the API description.",
      ),
    IMPORT_EXAMPLE: z
      .string()
      .min(1)
      .transform((value) => {
        const word = value.trim().toLowerCase();
        return ON.has(word) ? true : OFF.has(word) ? false : value;
      })
      .optional()
      .describe(
        `Entente file imported on first start, when the database is empty: \`true\` (${DEFAULT_EXAMPLE}), \`false\`, or a path relative to the working folder. Default: \`true\` in development, \`false\` otherwise.`,
      ),
    DEMO_PASSWORD: z
      .string()
      .min(12, { error: "expected at least 12 characters" })
      .optional()
      .describe(
        "Password of the demo accounts created with the imported example on first start (one per role). Unset: a random one is generated and printed once. Ignored when no example is imported.",
      ),
    OIDC_KEY_REFRESH_SECONDS: z
      .string()
      .regex(/^\d{1,5}$/, { error: "expected a whole number of seconds from 1 to 86400" })
      .default("60")
      .transform(Number)
      .pipe(
        z
          .number()
          .min(1, { error: "expected a whole number of seconds from 1 to 86400" })
          .max(86400, { error: "expected a whole number of seconds from 1 to 86400" }),
      )
      .describe(
        "How often each node re-reads the OpenID Provider's signing keys from the database (seconds), so that a rotation (`entente oidc keys rotate`) reaches every node. A new key is published one refresh period before it signs.",
      ),
    OIDC_BACKCHANNEL_PRIVATE_NETWORKS: z
      .string()
      .min(1)
      .transform((value) => ON.has(value.trim().toLowerCase()))
      .optional()
      .describe(
        "Whether back-channel logout notices may be sent to services on loopback or private addresses (127.0.0.1, 10.0.0.0/8, 192.168.0.0/16…). oidc-provider refuses them by default (a server-side request forgery guard). Default: `true` in development and test, `false` in production — set it to `true` there only when the services run on the members' intranet.",
      ),
    IMPORT_EXAMPLE_WORKPLACE: z
      .string()
      .min(1)
      .transform((value) => !OFF.has(value.trim().toLowerCase()))
      .optional()
      .describe(
        "Whether the first start with the example also seeds the digital workplace: the portal's hub client, the demo service in the catalogue with every member subscribed, its status probe and a welcome announcement. Default: `true`; `false` leaves the workplace empty (the console's browser tests set it up themselves). Ignored when no example is imported.",
      ),
    STATUS_PROBE_PRIVATE_NETWORKS: z
      .string()
      .min(1)
      .transform((value) => ON.has(value.trim().toLowerCase()))
      .optional()
      .describe(
        "Whether the services' health probes (service status) may reach loopback or private addresses (127.0.0.1, 10.0.0.0/8, 192.168.0.0/16…); only the targets the secretariat registered are probed, redirects are never followed. Default: `true` in development and test, `false` in production (a server-side request forgery guard) — set it to `true` there only when the services run on the members' intranet.",
      ),
    IDENTITY_SHARED_MAIL_DOMAINS: z
      .string()
      .transform((value) =>
        value
          .split(/[\s,]+/u)
          .map((entry) => entry.trim().toLowerCase())
          .filter((entry) => entry !== ""),
      )
      .pipe(
        z.array(
          z.string().regex(SHARED_MAIL_DOMAIN_ENTRY, {
            error: "expected domains (`mail.example`) or `label.*` (`webmail.*`), separated by commas",
          }),
        ),
      )
      .optional()
      .describe(
        "Shared consumer mail domains no member may own, added to the built-in list (gmail.com, outlook.*, orange.fr, free.fr, laposte.net, yahoo.*…; `src/identity/domain/shared-mail-domains.ts`): comma-separated domains (which cover their sub-domains) or `label.*` (`label.` and any top-level domain). Their addresses are registered one by one instead.",
      ),
    SAML_SP_KEY_FILE: z
      .string()
      .min(1)
      .optional()
      .describe(
        "File of the PEM private key Entente's SAML service provider signs its requests with (LogoutRequests of SAML Single Logout, and AuthnRequests). With `SAML_SP_CERT_FILE`; unset: the logout of the entente cannot end a SAML IdP's session (the page says so). Read at start, never logged; make it readable by Entente only (`openssl req -x509 -newkey rsa:3072 -sha256 -nodes -days 1095 -keyout sp.key -out sp.crt`).",
      ),
    SAML_SP_CERT_FILE: z
      .string()
      .min(1)
      .optional()
      .describe(
        "File of the PEM certificate of `SAML_SP_KEY_FILE`'s key, published in Entente's SP metadata (`/interaction/saml/:sourceId/metadata`) so that the members' IdPs can check our signed requests. Both set or both unset.",
      ),
    WEB_ROOT: z
      .string()
      .min(1)
      .default("./web/dist")
      .describe("Folder of the built web console (`npm run build:web`), served at `/`."),
  })
  .superRefine(
    (env, context) => {
      if (env.NODE_ENV === "production" && env.SESSION_SECRET === undefined) {
        context.addIssue({
          code: "custom",
          path: ["SESSION_SECRET"],
          message: `required when NODE_ENV=production: at least ${SESSION_SECRET_MIN_LENGTH} characters, the same on every node (generate one with \`openssl rand -base64 48\`)`,
        });
      }
      if ((env.SAML_SP_KEY_FILE === undefined) !== (env.SAML_SP_CERT_FILE === undefined)) {
        context.addIssue({
          code: "custom",
          path: [env.SAML_SP_KEY_FILE === undefined ? "SAML_SP_KEY_FILE" : "SAML_SP_CERT_FILE"],
          message:
            "SAML_SP_KEY_FILE and SAML_SP_CERT_FILE go together: set both (the key and its certificate) or neither",
        });
      }
      // Runs even when another variable is wrong (zod skips refinements after such issues by
      // default), so that every problem is reported at once. Reads only NODE_ENV, SESSION_SECRET and SAML_SP_*.
    },
    { when: () => true },
  );

/** The environment variables, after parsing (names as in the environment). */
export type Env = z.output<typeof envSchema>;

/** The variables of the schema, in the order of the documentation. */
export const ENV_VARIABLES = Object.keys(envSchema.shape) as readonly (keyof Env)[];
