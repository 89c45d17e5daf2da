import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";

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

/**
 * Starts the real server (`node src/main.ts`, the composition root) on a free port, with a new
 * PGlite database holding the Lyon example and demo accounts whose password is DEMO_PASSWORD.
 */
export async function startServer(webRoot: string): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "entente-e2e-"));
  const child = spawn(process.execPath, [join(ROOT, "src/main.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "development",
      HOST: "127.0.0.1",
      PORT: "0",
      DATA_DIR: dataDir,
      WEB_ROOT: webRoot,
      IMPORT_EXAMPLE: "true",
      DEMO_PASSWORD,
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = /listening at (http:\/\/127\.0\.0\.1:\d+)/i.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${output}`));
    });
  });
  return {
    url,
    async stop() {
      await stopChild(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

export function chromiumMissing(): string | false {
  return existsSync(CHROMIUM)
    ? false
    : `needs Debian's Chromium at ${CHROMIUM}: apt-get install --no-install-recommends chromium`;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
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
