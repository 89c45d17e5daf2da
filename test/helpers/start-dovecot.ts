import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { runChild } from "./run-child.ts";
import { type RunningChild, startChild } from "./start-child.ts";

/**
 * Debian's Dovecot 2.3 (`dovecot-imapd`) as a real resource server: a private instance on
 * 127.0.0.1:`port` (ports 18420–18429 belong to these tests), configuration, sockets and mail
 * under a temporary folder, logs on its standard error, IMAP only, authenticated by `passdb
 * oauth2` (XOAUTH2, OAUTHBEARER) with the given `oauth2.conf.ext` settings. No failure delay, auth
 * penalty nor auth cache, so that every login is checked again at once. `stop()` ends it and removes the folder.
 */
export async function startDovecot(options: {
  readonly port: number;
  /** Lines of the oauth2 passdb's settings (introspection_mode, local_validation_key_dict…), given the instance's folder. */
  readonly oauth2: (dir: string) => readonly string[];
}): Promise<{ readonly dir: string; readonly child: RunningChild; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "entente-dovecot-"));
  for (const sub of ["", "run", "state", "mail"]) mkdirSync(join(dir, sub), { recursive: true });
  // Dovecot's own users read the configuration and write the mail: the folder is theirs to use.
  chmodSync(dir, 0o755);
  chmodSync(join(dir, "mail"), 0o777);
  writeFileSync(join(dir, "oauth2.conf.ext"), `${options.oauth2(dir).join("\n")}\n`);
  writeFileSync(join(dir, "dovecot.conf"), dovecotConf(dir, options.port));
  try {
    const { child } = await startChild({
      name: "Dovecot",
      command: "dovecot",
      args: ["-F", "-c", join(dir, "dovecot.conf")],
      deadlineMs: 30_000,
      ready: ({ stderr }) => (/starting up for imap/.test(stderr) ? true : undefined),
    });
    return {
      dir,
      child,
      async stop() {
        await child.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function dovecotConf(dir: string, port: number): string {
  const root = process.getuid?.() === 0;
  const me = userInfo();
  const internal = root ? "dovecot" : me.username;
  const owner = root ? "uid=dovecot gid=dovecot" : `uid=${me.uid} gid=${me.gid}`;
  return `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = /dev/stderr
listen = 127.0.0.1
protocols = imap
ssl = no
auth_mechanisms = xoauth2 oauthbearer
auth_failure_delay = 0
auth_cache_size = 0
auth_verbose = yes
mail_location = maildir:${dir}/mail/%u
default_internal_user = ${internal}
default_login_user = ${root ? "dovenull" : me.username}
first_valid_uid = 1
passdb {
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = ${dir}/oauth2.conf.ext
}
userdb {
  driver = static
  args = ${owner} home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
  # No growing delay per IP after failed logins (Dovecot's auth penalty): every test login is from 127.0.0.1.
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
service stats {
  unix_listener stats-writer {
    mode = 0666
  }
}
`;
}

/**
 * An IMAP login with an OAuth 2.0 bearer token by Debian's curl, then `EXAMINE INBOX`: a real
 * IMAP client rather than one written here. curl 7.88 authenticates with SASL OAUTHBEARER
 * (RFC 7628) whenever the server offers it, whatever `--login-options AUTH=…` asks.
 * @returns true when the login and the command succeeded; false when the login was refused
 *   (curl's exit 67); throws on anything else (with curl's output).
 */
export async function imapLoginWithToken(port: number, user: string, token: string): Promise<boolean> {
  const result = await runChild({
    name: "curl (IMAP)",
    command: "curl",
    args: [
      "--silent",
      "--show-error",
      "--max-time",
      "20",
      "--url",
      `imap://127.0.0.1:${port}/`,
      "--user",
      user,
      "--oauth2-bearer",
      token,
      "--request",
      "EXAMINE INBOX",
    ],
    deadlineMs: 30_000,
  });
  if (result.code === 0) return true;
  if (result.code === 67) return false;
  throw new Error(`curl ended with status ${result.code}: ${result.stdout}${result.stderr}`);
}
