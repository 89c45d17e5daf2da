// Entente as the bench measures it, in its own process: the real composition (composeConsole +
// composeIdentity + buildApp, as src/main.ts and test/e2e/identity-harness.ts wire them) on the
// bench's PostgreSQL database, prepared by bench/identity.bench.ts (the Lyon example, two LDAP
// sources, their domains, the two services). With `redisUrl`, the provider's state and the
// sign-in state live in Redis (REDIS_URL). Listens on 127.0.0.1, logs at `warn` (no request log).
import { createServer } from "node:net";
import { createArgon2PasswordHasher } from "../src/access/crypto/argon2-password-hasher.ts";
import { composeConsole } from "../src/compose.ts";
import { composeIdentity } from "../src/identity/compose.ts";
import { loadConfig } from "../src/platform/config/load-config.ts";
import { openDatabase } from "../src/platform/db/open-database.ts";
import { buildApp } from "../src/platform/http/build-app.ts";
import { countStorageRoundTrips, serveChild } from "./identity-child.ts";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address !== null ? address.port : 0));
    });
  });
}

countStorageRoundTrips();
serveChild(async (start) => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const now = () => new Date();
  const database = await openDatabase({ kind: "postgres", url: start.databaseUrl });
  const hasher = createArgon2PasswordHasher();
  const console = composeConsole(database, {
    hasher,
    now,
    sessionSecret: start.sessionSecret,
    secureCookies: false,
  });
  const identity = await composeIdentity(database, {
    publicUrl: url,
    sessionSecret: start.sessionSecret,
    production: false,
    redisUrl: start.redisUrl ?? undefined,
    keyRefreshSeconds: 60,
    backchannelPrivateNetworks: true,
    accounts: console.access.deps.accounts,
    hasher,
    now,
    onError: (error) => process.stderr.write(`entente: ${String(error)}\n`),
  });
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "warn", SESSION_SECRET: start.sessionSecret });
  const app = await buildApp(
    {
      version: "bench",
      now,
      registerRoutes: [...console.registerRoutes, ...identity.registerRoutes],
      plugins: console.plugins,
      logStream: { write: () => {} },
    },
    config,
  );
  await app.listen({ host: "127.0.0.1", port });
  return { url, issuer: identity.issuer };
});
