import { randomBytes } from "node:crypto";
import { EntenteError } from "../errors.ts";
import {
  DEFAULT_EXAMPLE,
  ENV_VARIABLES,
  type Env,
  envSchema,
  type LOG_LEVELS,
  type NODE_ENVS,
  SECRET_VARIABLES,
} from "./config-schema.ts";

/** The configuration of one Entente process: read once at start, frozen, passed down. */
export interface Config {
  readonly env: (typeof NODE_ENVS)[number];
  readonly server: {
    readonly host: string;
    readonly port: number;
    /** Where users reach Entente, without a trailing slash; unset when it is `http://host:port`. */
    readonly publicUrl: string | undefined;
    /**
     * Addresses, CIDRs or proxy-addr range names of the reverse proxies whose `X-Forwarded-*`
     * headers are read (Fastify's `trustProxy`); empty: none is read.
     */
    readonly trustedProxies: readonly string[];
  };
  readonly database: {
    /** PostgreSQL URL; unset means the embedded PGlite database in `dataDir`. */
    readonly url: string | undefined;
    readonly dataDir: string;
  };
  readonly redis: { readonly url: string | undefined };
  readonly oidc: {
    /** Seconds between two reads of the signing keys by a node. */
    readonly keyRefreshSeconds: number;
    /** Back-channel logout may reach loopback and private addresses. */
    readonly backchannelPrivateNetworks: boolean;
    /** Shared consumer mail domains no member may own, beside the built-in list. */
    readonly sharedMailDomains: readonly string[];
    /** Files of our SAML SP's signing key and certificate (PEM), or null (SAML_SP_KEY_FILE, SAML_SP_CERT_FILE). */
    readonly samlSpSigningFiles: { readonly keyFile: string; readonly certFile: string } | null;
  };
  readonly workplace: {
    /** Health probes may reach loopback and private addresses. */
    readonly probePrivateNetworks: boolean;
    /** Whether the first start with the example seeds the workplace too (`IMPORT_EXAMPLE_WORKPLACE`, default true). */
    readonly seedExample: boolean;
  };
  readonly session: {
    readonly secret: string;
    /** True when no `SESSION_SECRET` was given and a random one was generated for this process. */
    readonly secretGenerated: boolean;
  };
  readonly log: { readonly level: (typeof LOG_LEVELS)[number] };
  /** Entente file to import when the database is empty; unset: import nothing. */
  readonly importExample: string | undefined;
  /** Password of the demo accounts created with the example (undefined: generate one). */
  readonly demoPassword: string | undefined;
  /** Built web console served at `/`. */
  readonly webRoot: string;
  /** Things the operator should know but that do not stop the start (logged by main.ts). */
  readonly warnings: readonly string[];
}

export interface LoadConfigOptions {
  /** Source of the development session secret (default: 32 random bytes, base64url). */
  readonly generateSecret?: () => string;
}

/**
 * Validates the environment against `envSchema` and returns the frozen configuration.
 *
 * Every bad variable is reported at once, in one `EntenteError` `config.invalid` whose
 * `details.problems` lists them, one per line (values of secrets are never shown). Empty values
 * count as unset. Outside production a missing `SESSION_SECRET` is generated, with a warning.
 *
 * @example
 * const config = loadConfig({ NODE_ENV: "production", SESSION_SECRET: "…48 random characters…" });
 * config.server.port; // 3000
 * config.importExample; // undefined (no example in production)
 */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>>,
  options: LoadConfigOptions = {},
): Config {
  const input = Object.fromEntries(
    ENV_VARIABLES.flatMap((name) => {
      const value = env[name];
      return value === undefined || value === "" ? [] : [[name, value]];
    }),
  );
  const result = envSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "(environment)");
      const value = input[name];
      const shown =
        value === undefined || SECRET_VARIABLES.has(name) ? name : `${name}=${JSON.stringify(value)}`;
      return `  - ${shown}: ${issue.message}`;
    });
    throw new EntenteError("config.invalid", { count: problems.length, problems: problems.join("\n") });
  }
  return deepFreeze(toConfig(result.data, options.generateSecret ?? generateSecret));
}

function toConfig(env: Env, generate: () => string): Config {
  const warnings: string[] = [];
  const secretGenerated = env.SESSION_SECRET === undefined;
  if (secretGenerated) {
    warnings.push(
      "SESSION_SECRET is not set: a random one was generated for this process, so sessions will not survive a restart (set it to keep them; it is required in production).",
    );
  }
  const importExample =
    env.IMPORT_EXAMPLE === undefined
      ? env.NODE_ENV === "development"
        ? DEFAULT_EXAMPLE
        : undefined
      : env.IMPORT_EXAMPLE === true
        ? DEFAULT_EXAMPLE
        : env.IMPORT_EXAMPLE === false
          ? undefined
          : env.IMPORT_EXAMPLE;
  return {
    env: env.NODE_ENV,
    server: {
      host: env.HOST,
      port: env.PORT,
      publicUrl: env.PUBLIC_URL?.replace(/\/+$/, ""),
      trustedProxies: env.TRUSTED_PROXIES ?? [],
    },
    database: { url: env.DATABASE_URL, dataDir: env.DATA_DIR },
    redis: { url: env.REDIS_URL },
    oidc: {
      keyRefreshSeconds: env.OIDC_KEY_REFRESH_SECONDS,
      backchannelPrivateNetworks: env.OIDC_BACKCHANNEL_PRIVATE_NETWORKS ?? env.NODE_ENV !== "production",
      sharedMailDomains: env.IDENTITY_SHARED_MAIL_DOMAINS ?? [],
      samlSpSigningFiles:
        env.SAML_SP_KEY_FILE === undefined || env.SAML_SP_CERT_FILE === undefined
          ? null
          : { keyFile: env.SAML_SP_KEY_FILE, certFile: env.SAML_SP_CERT_FILE },
    },
    workplace: {
      probePrivateNetworks: env.STATUS_PROBE_PRIVATE_NETWORKS ?? env.NODE_ENV !== "production",
      seedExample: env.IMPORT_EXAMPLE_WORKPLACE ?? true,
    },
    session: { secret: env.SESSION_SECRET ?? generate(), secretGenerated },
    log: { level: env.LOG_LEVEL },
    importExample,
    demoPassword: env.DEMO_PASSWORD,
    webRoot: env.WEB_ROOT,
    warnings,
  };
}

function generateSecret(): string {
  return randomBytes(32).toString("base64url");
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
