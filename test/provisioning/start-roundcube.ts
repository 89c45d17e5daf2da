import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { startChild } from "../helpers/start-child.ts";

/** Debian's Roundcube (installed files). */
const ROUNDCUBE = "/usr/share/roundcube";

/** A private Roundcube: its URL, its log, and how to stop it. */
export interface RunningRoundcube {
  readonly url: string;
  /** The OAuth redirect URI Roundcube 1.6 sends (`rcmail_oauth::get_redirect_uri`). */
  readonly redirectUri: string;
  log(): string;
  stop(): Promise<void>;
}

/** What Roundcube is wired to: the hub's endpoints and the webmail's client, the mail servers. */
export interface RoundcubeSettings {
  readonly port: number;
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly imapPort: number;
  readonly submissionPort: number;
}

const php = (value: string) => `'${value.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;

/**
 * Debian's Roundcube 1.6 served by PHP's built-in server on 127.0.0.1 with a private
 * configuration folder (`ROUNDCUBE_CONFIG_DIR`, read by its `iniset.php`) and a SQLite database
 * in a temporary folder, signing in through the hub (`oauth_provider = generic`, straight to the
 * hub: `oauth_login_redirect`) and reading the mail with XOAUTH2. A router script sets
 * `INSTALL_PATH` (Debian's default is /var/lib/roundcube, without the skins) and `PATH_INFO`
 * (`/index.php/login/oauth`). `stop()` ends PHP by PID and removes the folder.
 */
export async function startRoundcube(settings: RoundcubeSettings): Promise<RunningRoundcube> {
  const dir = mkdtempSync(join(tmpdir(), "entente-roundcube-"));
  try {
    for (const sub of ["config", "logs", "temp"]) mkdirSync(join(dir, sub));
    copyFileSync("/etc/roundcube/defaults.inc.php", join(dir, "config", "defaults.inc.php"));
    const db = new DatabaseSync(join(dir, "roundcube.db"));
    db.exec(readFileSync(join(ROUNDCUBE, "SQL", "sqlite.initial.sql"), "utf8"));
    db.close();
    writeFileSync(join(dir, "config", "config.inc.php"), configOf(dir, settings));
    writeFileSync(join(dir, "router.php"), ROUTER);
    const url = `http://127.0.0.1:${settings.port}`;
    const { child } = await startChild({
      name: "Roundcube (php -S)",
      command: "php",
      args: ["-S", `127.0.0.1:${settings.port}`, "-t", ROUNDCUBE, join(dir, "router.php")],
      env: { ...process.env, ROUNDCUBE_CONFIG_DIR: join(dir, "config") },
      deadlineMs: 30_000,
      ready: ({ stdout, stderr }) =>
        /Development Server .* started/.test(stdout + stderr) ? true : undefined,
    });
    const log = () => {
      const { stdout, stderr } = child.output();
      let errors = "";
      try {
        errors = readFileSync(join(dir, "logs", "errors.log"), "utf8");
      } catch {}
      return `${stdout}\n${stderr}\n${errors}`;
    };
    return {
      url,
      redirectUri: `${url}/index.php/login/oauth`,
      log,
      stop: async () => {
        await child.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function configOf(dir: string, s: RoundcubeSettings): string {
  const entries: Record<string, string> = {
    db_dsnw: php(`sqlite:///${join(dir, "roundcube.db")}?mode=0600`),
    log_dir: php(join(dir, "logs")),
    temp_dir: php(join(dir, "temp")),
    des_key: php("entente-test-des-key-24ch"),
    plugins: "[]",
    skin: php("elastic"),
    imap_host: php(`127.0.0.1:${s.imapPort}`),
    smtp_host: php(`127.0.0.1:${s.submissionPort}`),
    oauth_provider: php("generic"),
    oauth_provider_name: php("Entente"),
    oauth_client_id: php(s.clientId),
    oauth_client_secret: php(s.clientSecret),
    oauth_auth_uri: php(`${s.issuer}/auth`),
    oauth_token_uri: php(`${s.issuer}/token`),
    oauth_identity_uri: php(`${s.issuer}/me`),
    oauth_scope: php("openid email profile"),
    oauth_identity_fields: "['email']",
    oauth_login_redirect: "true",
  };
  const lines = Object.entries(entries).map(([k, v]) => `$config['${k}'] = ${v};`);
  return `<?php\n$config = [];\n${lines.join("\n")}\n`;
}

/** PHP's router: static files as they are; everything else through index.php with Roundcube's install path. */
const ROUTER = `<?php
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if ($path !== '/' && strpos($path, '/index.php') !== 0 && is_file('${ROUNDCUBE}' . $path)) {
  return false;
}
if (strpos($path, '/index.php/') === 0) {
  $_SERVER['PATH_INFO'] = substr($path, strlen('/index.php'));
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
define('INSTALL_PATH', '${ROUNDCUBE}/');
chdir('${ROUNDCUBE}');
require '${ROUNDCUBE}/index.php';
`;
