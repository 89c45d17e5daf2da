import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";
import { fileURLToPath } from "node:url";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";
import { seedPgliteDataDir } from "../helpers/pglite-template.ts";
import { startChild } from "../helpers/start-child.ts";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Debian's Chromium (apt-get install chromium); playwright-core drives it, no browser download. */
export const CHROMIUM = "/usr/bin/chromium";
export const DEMO_PASSWORD = "e2e-demo-password";
export const ENTENTE = "lyon-2023";
export const account = (who: string) => `${who}@${ENTENTE}.entente.localhost`;

/** Builds the console with Vite into a temporary folder (the server serves it as WEB_ROOT). */
export async function buildConsole(outDir: string): Promise<void> {
  const { build } = await import("vite");
  await build({
    configFile: join(ROOT, "web/vite.config.ts"),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true },
  });
}

export interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** How long the server has to start on a loaded machine (first start: new database, example, keys). */
const SERVER_START_DEADLINE_MS = 120_000;

/**
 * Starts the real server (`node src/main.ts`, the composition root) on a free port, with a new
 * PGlite database holding the Lyon example and demo accounts whose password is DEMO_PASSWORD.
 * The database starts from the tests' migrated copy (`seedPgliteDataDir`): the server still makes
 * its first start on it, without creating and migrating a database first.
 * A server that is not listening within SERVER_START_DEADLINE_MS is killed and the start fails
 * (test/helpers/start-child.ts); `stop()` ends it by its PID and removes its data.
 */
export async function startServer(webRoot: string): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "entente-e2e-"));
  try {
    await seedPgliteDataDir(dataDir);
    const { child, ready: url } = await startChild({
      name: "the Entente server (src/main.ts)",
      command: process.execPath,
      args: [join(ROOT, "src/main.ts")],
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "development",
        HOST: "127.0.0.1",
        PORT: "0",
        DATA_DIR: dataDir,
        WEB_ROOT: webRoot,
        IMPORT_EXAMPLE: "true",
        // The console's tests set the workplace up themselves (the catalogue starts empty).
        IMPORT_EXAMPLE_WORKPLACE: "false",
        DEMO_PASSWORD,
        LOG_LEVEL: "info",
      },
      deadlineMs: SERVER_START_DEADLINE_MS,
      ready: ({ stdout, stderr }) => /listening at (http:\/\/127\.0\.0\.1:\d+)/i.exec(stdout + stderr)?.[1],
    });
    return {
      url,
      async stop() {
        await child.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

export function chromiumMissing(): string | false {
  return existsSync(CHROMIUM)
    ? false
    : `needs Debian's Chromium at ${CHROMIUM}: apt-get install --no-install-recommends chromium`;
}

/**
 * Debian's Chromium, headless. Playwright starts it as its own process group, kills it when the
 * launch takes longer than `timeout`, and kills it by its group when the test file ends however it
 * ends (exit, SIGTERM, SIGINT): close it in `after` all the same.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    timeout: 60_000,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Signs in through the form, as a person would, and waits for the dashboard. */
export async function signIn(page: Page, url: string, email: string): Promise<void> {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.getByRole("heading", { level: 1, name: /^Tableau de bord/ }).waitFor();
}

/** The WCAG 2.1 A/AA violations axe finds on the page, as "rule: target" lines (empty when none). */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")} — ${v.help}`));
}

/**
 * The console of one `describe`, built, served and signed in as `who` (a demo account's role):
 * registers the `before` hook that starts it and the `after` hook that stops Chromium and the
 * server and removes the built console, in every path. Call it inside the `describe`.
 * @returns the signed-in page and the running server (valid from `before` on).
 */
export function signedInConsole(who: string): {
  page(): Page;
  server(): RunningServer;
  /** The page's uncaught script errors, in order (a test asserts there are none). */
  readonly errors: string[];
} {
  const errors: string[] = [];
  let webRoot = "";
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  before(async () => {
    const missing = chromiumMissing();
    if (missing) throw new Error(missing);
    webRoot = mkdtempSync(join(tmpdir(), "entente-web-"));
    await buildConsole(webRoot);
    server = await startServer(webRoot);
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.on("pageerror", (error) => errors.push(error.message));
    await signIn(page, server.url, account(who));
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    if (webRoot !== "") rmSync(webRoot, { recursive: true, force: true });
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the console is not started (its before hook failed)");
    return value;
  };
  return { page: () => started(page), server: () => started(server), errors };
}
