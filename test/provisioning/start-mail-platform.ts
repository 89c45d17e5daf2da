import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { isRunning, signalGroup, trackChild } from "../helpers/child-registry.ts";
import { startChild } from "../helpers/start-child.ts";

/** The collaborative email's servers of one test: where they listen and the mail connector's folder. */
export interface MailPlatform {
  readonly dir: string;
  /** The folder the mail connector writes (`settings.dir`), read by Dovecot and Postfix. */
  readonly directoryDir: string;
  /** `doveadm` for this instance (the connector's `settings.doveadm`). */
  readonly doveadm: readonly string[];
  readonly ports: MailPorts;
  /** Postfix's log (its `maillog_file`). */
  postfixLog(): string;
  /** Dovecot's log (its standard error). */
  dovecotLog(): string;
  stop(): Promise<void>;
}

export interface MailPorts {
  readonly imap: number;
  readonly lmtp: number;
  readonly smtp: number;
  /** Dovecot's submission service (RFC 6409): sending with the hub's token, relayed to Postfix. */
  readonly submission: number;
}

/**
 * Debian's Dovecot 2.3 (IMAP, LMTP) and Postfix 3.7 started privately on 127.0.0.1 for one test
 * file (docs/mail-platform.md), and Dovecot's submission relaying to Postfix: Postfix receives for the domains of `directoryDir/domains.db`,
 * refuses unknown recipients at RCPT (`mailboxes.db`) and hands over by LMTP to Dovecot, whose
 * users are `directoryDir/users` (passwd-file), whose sign-in is refused for `directoryDir/denied`
 * (a deny passdb) and otherwise checked by the hub (`passdb oauth2`, lines of `oauth2`). Quotas
 * by Dovecot's quota plugin (`quota_rule` of the userdb). `prepare` writes the connector's files
 * before the servers start. `stop()` ends both (by PID, in every path) and removes the folder.
 */
export async function startMailPlatform(options: {
  readonly ports: MailPorts;
  readonly oauth2: (dir: string) => readonly string[];
  readonly prepare: (directoryDir: string, doveadm: readonly string[]) => Promise<void>;
}): Promise<MailPlatform> {
  const dir = mkdtempSync(join(tmpdir(), "entente-mail-"));
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const sub of [
      "run",
      "last-login",
      "state",
      "mail",
      "directory",
      "postfix",
      "postfix/queue",
      "postfix/data",
      "log",
    ])
      mkdirSync(join(dir, sub), { recursive: true });
    chmodSync(dir, 0o755);
    chmodSync(join(dir, "mail"), 0o777);
    chmodSync(join(dir, "last-login"), 0o777);
    chownSync(join(dir, "postfix/data"), uid("postfix"), gid("postfix"));
    chmodSync(join(dir, "postfix/data"), 0o700);
    writeFileSync(join(dir, "oauth2.conf.ext"), `${options.oauth2(dir).join("\n")}\n`);
    writeFileSync(join(dir, "dovecot.conf"), dovecotConf(dir, options.ports));
    writeFileSync(join(dir, "postfix/main.cf"), postfixMain(dir, options.ports));
    writeFileSync(join(dir, "postfix/master.cf"), postfixMaster(options.ports.smtp));
    const doveadm = ["doveadm", "-c", join(dir, "dovecot.conf")];
    await options.prepare(join(dir, "directory"), doveadm);
    const dovecot = await startChild({
      name: "Dovecot",
      command: "dovecot",
      args: ["-F", "-c", join(dir, "dovecot.conf")],
      deadlineMs: 30_000,
      ready: ({ stderr }) => (/starting up for imap, lmtp, submission/.test(stderr) ? true : undefined),
    });
    stops.push(() => dovecot.child.stop());
    const postfix = await startPostfix(dir, options.ports.smtp);
    stops.push(() => postfix.stop());
    return {
      dir,
      directoryDir: join(dir, "directory"),
      doveadm,
      ports: options.ports,
      postfixLog: () => readFileSync(join(dir, "log/postfix.log"), "utf8"),
      dovecotLog: () => dovecot.child.output().stderr,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

const uid = (name: string) => Number(execFileSync("id", ["-u", name], { encoding: "utf8" }).trim());
const gid = (name: string) => Number(execFileSync("id", ["-g", name], { encoding: "utf8" }).trim());

/**
 * `postfix start-fg`: postfix-script runs `master -s` as its child, which makes itself the leader
 * of a new session, out of the group the test started; so the master's PID (its `pid/master.pid`)
 * is recorded and stopped by itself. Ready once SMTP answers.
 */
async function startPostfix(dir: string, port: number): Promise<{ stop(): Promise<void> }> {
  const { child } = await startChild({
    name: "Postfix",
    command: "postfix",
    args: ["-c", join(dir, "postfix"), "start-fg"],
    deadlineMs: 30_000,
    ready: () => true,
  });
  let master: number | null = null;
  let untrack: (() => void) | null = null;
  const stop = async () => {
    if (master !== null) {
      signalGroup(master, "SIGTERM");
      for (let i = 0; i < 75 && isRunning(master); i++) await sleep(200);
      if (isRunning(master)) signalGroup(master, "SIGKILL");
      untrack?.();
    }
    await child.stop();
  };
  try {
    for (let attempt = 0; ; attempt++) {
      master ??= masterPid(dir);
      if (master !== null && untrack === null) untrack = trackChild(master, "Postfix master");
      if (master !== null && (await answers(port))) return { stop };
      if (child.exit() !== null && master === null)
        throw new Error(`Postfix ended: ${JSON.stringify(child.output())}`);
      if (attempt > 150)
        throw new Error(`Postfix did not answer on ${port}: ${JSON.stringify(child.output())}`);
      await sleep(200);
    }
  } catch (error) {
    await stop();
    throw error;
  }
}

function masterPid(dir: string): number | null {
  try {
    const pid = Number(readFileSync(join(dir, "postfix/queue/pid/master.pid"), "utf8").trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Whether an SMTP server greets on 127.0.0.1:`port` (a 220 banner). */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.setTimeout(2000);
    socket.once("data", (data) => {
      socket.end("QUIT\r\n");
      resolve(data.toString().startsWith("220"));
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function dovecotConf(dir: string, ports: MailPorts): string {
  const d = join(dir, "directory");
  return `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = /dev/stderr
listen = 127.0.0.1
protocols = imap lmtp submission
submission_relay_host = 127.0.0.1
submission_relay_port = ${ports.smtp}
submission_relay_trusted = yes
hostname = mail.entente.test
ssl = no
auth_mechanisms = xoauth2 oauthbearer
auth_failure_delay = 0
auth_verbose = yes
auth_cache_size = 1M
auth_cache_ttl = 1 hour
mail_location = maildir:~/Maildir
mail_plugins = quota
default_internal_user = dovecot
default_login_user = dovenull
first_valid_uid = 1
passdb {
  driver = passwd-file
  args = ${d}/denied
  deny = yes
}
passdb {
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = ${dir}/oauth2.conf.ext
}
userdb {
  driver = passwd-file
  args = ${d}/users
  default_fields = uid=dovecot gid=dovecot home=${dir}/mail/%d/%n
}
plugin {
  quota = maildir:User quota
  # First sign-in of each mailbox, for the migration's progress: one file per user under last-login/.
  last_login_dict = fs:posix:prefix=${dir}/last-login/
  last_login_key = %u
}
protocol imap {
  mail_plugins = $mail_plugins imap_quota last_login
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${ports.imap}
  }
  inet_listener imaps {
    port = 0
  }
}
service submission-login {
  inet_listener submission {
    address = 127.0.0.1
    port = ${ports.submission}
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = ${ports.lmtp}
  }
}
service anvil {
  chroot =
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

function postfixMain(dir: string, ports: MailPorts): string {
  const d = join(dir, "directory");
  return `compatibility_level = 3.6
queue_directory = ${dir}/postfix/queue
data_directory = ${dir}/postfix/data
mail_owner = postfix
setgid_group = postdrop
myhostname = mx.entente.test
mydomain = entente.test
mydestination =
inet_interfaces = loopback-only
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = reject_unauth_destination
smtpd_recipient_restrictions = reject_unlisted_recipient
virtual_mailbox_domains = hash:${d}/domains
virtual_mailbox_maps = hash:${d}/mailboxes
virtual_alias_maps = hash:${d}/aliases
virtual_transport = lmtp:inet:127.0.0.1:${ports.lmtp}
maillog_file_prefixes = ${dir}/log
maillog_file = ${dir}/log/postfix.log
alias_maps =
alias_database =
biff = no
smtputf8_enable = no
`;
}

/** Every service outside a chroot (the instance's queue is a temporary folder), smtpd on loopback:`port` only. */
function postfixMaster(port: number): string {
  const unix = [
    ["pickup", "n", "60", "1"],
    ["cleanup", "n", "-", "0"],
    ["qmgr", "n", "300", "1"],
    ["rewrite", "-", "-", "-", "trivial-rewrite"],
    ["bounce", "-", "-", "0"],
    ["defer", "-", "-", "0", "bounce"],
    ["trace", "-", "-", "0", "bounce"],
    ["verify", "-", "-", "1"],
    ["flush", "n", "1000?", "0"],
    ["proxymap", "-", "-", "-"],
    ["smtp", "-", "-", "-"],
    ["relay", "-", "-", "-", "smtp"],
    ["showq", "n", "-", "-"],
    ["error", "-", "-", "-"],
    ["retry", "-", "-", "-", "error"],
    ["discard", "-", "-", "-"],
    ["lmtp", "-", "-", "-"],
    ["anvil", "-", "-", "1"],
    ["scache", "-", "-", "1"],
  ];
  return [
    `127.0.0.1:${port} inet n - n - - smtpd`,
    ...unix.map(
      ([name, priv, wake, max, command]) => `${name} unix ${priv} - n ${wake} ${max} ${command ?? name}`,
    ),
    "postlog unix-dgram n - n - 1 postlogd",
    "",
  ].join("\n");
}
