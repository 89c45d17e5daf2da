import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { EntenteError, formatMessage } from "../errors.ts";
import { DEFAULT_EXAMPLE } from "./config-schema.ts";
import { loadConfig } from "./load-config.ts";

const SECRET = "s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t-48";
const fixedSecret = () => "generated-secret";

/** The `config.invalid` error thrown for `env`, or a failed assertion when none is thrown. */
function configError(env: Record<string, string>): EntenteError {
  try {
    loadConfig(env, { generateSecret: fixedSecret });
  } catch (error) {
    assert.ok(error instanceof EntenteError, String(error));
    assert.equal(error.code, "config.invalid");
    return error;
  }
  assert.fail(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe("loadConfig", () => {
  it("applies the defaults of development to an empty environment", () => {
    const config = loadConfig({}, { generateSecret: fixedSecret });
    assert.deepEqual(config, {
      env: "development",
      server: { host: "127.0.0.1", port: 3000, publicUrl: undefined, trustedProxies: [] },
      database: { url: undefined, dataDir: "./data" },
      redis: { url: undefined },
      oidc: {
        keyRefreshSeconds: 60,
        backchannelPrivateNetworks: true,
        sharedMailDomains: [],
        samlSpSigningFiles: null,
      },
      workplace: { probePrivateNetworks: true, seedExample: true },
      session: { secret: "generated-secret", secretGenerated: true },
      log: { level: "info" },
      importExample: DEFAULT_EXAMPLE,
      demoPassword: undefined,
      webRoot: "./web/dist",
      warnings: [config.warnings[0]],
    });
    assert.match(config.warnings[0] ?? "", /SESSION_SECRET.*will not survive a restart/);
  });

  it("generates a different random secret of 43 characters by default", () => {
    const first = loadConfig({}).session.secret;
    assert.equal(first.length, 43);
    assert.notEqual(first, loadConfig({}).session.secret);
  });

  it("reads every variable and maps it to the configuration", () => {
    const config = loadConfig({
      NODE_ENV: "production",
      HOST: "0.0.0.0",
      PORT: "8080",
      DATABASE_URL: "postgresql://entente:pw@db:5432/entente",
      DATA_DIR: "/var/lib/entente",
      REDIS_URL: "rediss://cache:6380",
      SESSION_SECRET: SECRET,
      LOG_LEVEL: "warn",
      PUBLIC_URL: "https://entente.example.org/",
      IMPORT_EXAMPLE: "examples/syndicat-12-communes/entente.yaml",
      OIDC_KEY_REFRESH_SECONDS: "30",
      OIDC_BACKCHANNEL_PRIVATE_NETWORKS: "yes",
      IDENTITY_SHARED_MAIL_DOMAINS: " Webmail.example, courriel.* ,",
      TRUSTED_PROXIES: " 10.0.0.5, 192.168.10.0/24 fd00::/8,loopback ",
    });
    assert.deepEqual(config, {
      env: "production",
      server: {
        host: "0.0.0.0",
        port: 8080,
        publicUrl: "https://entente.example.org",
        trustedProxies: ["10.0.0.5", "192.168.10.0/24", "fd00::/8", "loopback"],
      },
      database: { url: "postgresql://entente:pw@db:5432/entente", dataDir: "/var/lib/entente" },
      redis: { url: "rediss://cache:6380" },
      oidc: {
        keyRefreshSeconds: 30,
        backchannelPrivateNetworks: true,
        sharedMailDomains: ["webmail.example", "courriel.*"],
        samlSpSigningFiles: null,
      },
      workplace: { probePrivateNetworks: false, seedExample: true },
      session: { secret: SECRET, secretGenerated: false },
      log: { level: "warn" },
      importExample: "examples/syndicat-12-communes/entente.yaml",
      demoPassword: undefined,
      webRoot: "./web/dist",
      warnings: [],
    });
  });

  it("is frozen, nested objects included", () => {
    const config = loadConfig({}, { generateSecret: fixedSecret });
    assert.ok(Object.isFrozen(config));
    assert.ok(Object.isFrozen(config.server));
    assert.ok(Object.isFrozen(config.warnings));
    assert.throws(() => {
      (config.server as { port: number }).port = 1;
    }, TypeError);
  });

  it("refuses health probes to private networks in production unless asked", () => {
    const production = { NODE_ENV: "production", SESSION_SECRET: SECRET } as const;
    assert.equal(loadConfig(production).workplace.probePrivateNetworks, false);
    assert.equal(
      loadConfig({ ...production, STATUS_PROBE_PRIVATE_NETWORKS: "on" }).workplace.probePrivateNetworks,
      true,
    );
    assert.equal(loadConfig({ NODE_ENV: "test" }).workplace.probePrivateNetworks, true);
  });

  it("refuses back-channel logout to private networks in production unless asked", () => {
    assert.equal(
      loadConfig({ NODE_ENV: "production", SESSION_SECRET: SECRET }).oidc.backchannelPrivateNetworks,
      false,
    );
    assert.equal(loadConfig({ NODE_ENV: "test" }).oidc.backchannelPrivateNetworks, true);
    assert.equal(
      loadConfig({ NODE_ENV: "test", OIDC_BACKCHANNEL_PRIVATE_NETWORKS: "off" }).oidc
        .backchannelPrivateNetworks,
      false,
    );
    assert.throws(() => loadConfig({ OIDC_KEY_REFRESH_SECONDS: "0" }), /OIDC_KEY_REFRESH_SECONDS/);
  });

  it("refuses a trusted proxy that is not an address, a CIDR or a named range, naming it", () => {
    for (const wrong of [
      "10.0.0.300",
      "10.0.0.0/33",
      "fd00::/129",
      "proxy.example.org",
      "10.0.0.0/8/1",
      "*",
    ]) {
      const error = configError({ TRUSTED_PROXIES: `127.0.0.1, ${wrong}` });
      const text = formatMessage(error.code, error.details, "en");
      assert.match(text, /TRUSTED_PROXIES/, wrong);
      assert.ok(text.includes(`\`${wrong}\` is none`), `${wrong}: ${text}`);
    }
  });

  it("counts empty values as unset", () => {
    const config = loadConfig({ PORT: "", DATABASE_URL: "", LOG_LEVEL: "" }, { generateSecret: fixedSecret });
    assert.equal(config.server.port, 3000);
    assert.equal(config.database.url, undefined);
    assert.equal(config.log.level, "info");
  });

  it("ignores variables it does not know", () => {
    assert.doesNotThrow(() => loadConfig({ PATH: "/usr/bin", HOME: "/root" }));
  });

  const IMPORT_CASES: [Record<string, string>, string | undefined][] = [
    [{ NODE_ENV: "development" }, DEFAULT_EXAMPLE],
    [{ NODE_ENV: "test" }, undefined],
    [{ NODE_ENV: "production", SESSION_SECRET: SECRET }, undefined],
    [{ NODE_ENV: "development", IMPORT_EXAMPLE: "false" }, undefined],
    [{ NODE_ENV: "development", IMPORT_EXAMPLE: "off" }, undefined],
    [{ NODE_ENV: "test", IMPORT_EXAMPLE: "TRUE" }, DEFAULT_EXAMPLE],
    [{ NODE_ENV: "test", IMPORT_EXAMPLE: "1" }, DEFAULT_EXAMPLE],
    [{ NODE_ENV: "test", IMPORT_EXAMPLE: "my/entente.yaml" }, "my/entente.yaml"],
  ];
  for (const [env, expected] of IMPORT_CASES) {
    it(`IMPORT_EXAMPLE with ${JSON.stringify(env)} → ${expected ?? "nothing"}`, () => {
      assert.equal(loadConfig(env, { generateSecret: fixedSecret }).importExample, expected);
    });
  }

  it("accepts port 0 and 65535, rejects 65536 and non-integers", () => {
    assert.equal(loadConfig({ PORT: "0" }).server.port, 0);
    assert.equal(loadConfig({ PORT: "65535" }).server.port, 65535);
    for (const port of ["65536", "3e3", "-1", "80.5", " 80", "http"]) {
      assert.match(configError({ PORT: port }).message, /PORT=.*integer from 0 to 65535/, port);
    }
  });

  it("reads the shared mail domains as a list; refuses what is no domain nor label.*", () => {
    assert.deepEqual(loadConfig({ NODE_ENV: "test" }).oidc.sharedMailDomains, []);
    for (const bad of ["*.example", "webmail", "web mail@x.fr", "a..b", "-x.fr"]) {
      const error = configError({ IDENTITY_SHARED_MAIL_DOMAINS: bad });
      assert.match(error.message, /IDENTITY_SHARED_MAIL_DOMAINS.*expected domains/, bad);
    }
  });

  it("reports every bad variable at once, naming each one", () => {
    const error = configError({
      NODE_ENV: "staging",
      PORT: "http",
      DATABASE_URL: "mysql://root:hunter2@db/entente",
      REDIS_URL: "http://cache",
      LOG_LEVEL: "verbose",
      PUBLIC_URL: "entente.example.org",
      SESSION_SECRET: "short",
    });
    assert.equal(error.details.count, 7);
    const problems = String(error.details.problems).split("\n");
    assert.deepEqual(
      problems.map((line) => line.match(/^ {2}- ([A-Z_]+)/)?.[1]),
      ["NODE_ENV", "PORT", "DATABASE_URL", "REDIS_URL", "SESSION_SECRET", "LOG_LEVEL", "PUBLIC_URL"],
    );
    assert.match(error.message, /7 environment variable\(s\)/);
    assert.match(error.message, /NODE_ENV="staging": expected one of development, production, test/);
    assert.match(error.message, /docs\/environment\.md/);
  });

  it("never shows the value of a secret", () => {
    const error = configError({
      DATABASE_URL: "mysql://root:hunter2@db/x",
      SESSION_SECRET: "tooshort-hunter2",
    });
    assert.doesNotMatch(error.message, /hunter2/);
    assert.match(error.message, /DATABASE_URL: expected a postgres/);
    assert.match(error.message, /SESSION_SECRET: expected at least 32 characters/);
  });

  it("requires SESSION_SECRET in production, and reports it with the other problems", () => {
    const error = configError({ NODE_ENV: "production", LOG_LEVEL: "loud" });
    assert.equal(error.details.count, 2);
    assert.match(error.message, /SESSION_SECRET: required when NODE_ENV=production/);
    assert.match(error.message, /LOG_LEVEL="loud"/);
  });

  it("rejects a production SESSION_SECRET shorter than 32 characters", () => {
    const error = configError({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(31) });
    assert.match(error.message, /SESSION_SECRET: expected at least 32 characters/);
    const config = loadConfig({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32) });
    assert.equal(config.session.secret, "x".repeat(32));
    assert.deepEqual(config.warnings, []);
  });

  it("has a French message listing the same problems", () => {
    const error = configError({ PORT: "abc" });
    const message = formatMessage(error.code, error.details, "fr");
    assert.match(
      message,
      /^configuration invalide, 1 variable\(s\) d'environnement à corriger :\n {2}- PORT="abc"/,
    );
  });
});
