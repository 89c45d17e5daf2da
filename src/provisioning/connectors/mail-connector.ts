import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import type { Connector, ConnectorKind, ConnectorRecord, DeliveryOutcome } from "../app/connector.ts";
import {
  applyAccountChange,
  eraseAccount,
  isMailAddress,
  type Mailbox,
  type MailDirectory,
  type MailFiles,
  purgeDeleted,
  renderMailFiles,
  type SharedMailbox,
} from "../domain/mailbox-directory.ts";

const run = promisify(execFile);

/**
 * The storage quota per account of a member's subscription to the mail service, in bytes (the
 * workplace subscription's `storagePerAccount`); null when it has none or sets none.
 */
export type MailQuotaSource = (
  ententeId: string,
  clientId: string,
  memberId: string,
) => Promise<number | null>;

/**
 * The mail connector: keeps the collaborative email's directory (Dovecot's users, its deny list,
 * Postfix's domains, mailboxes and aliases) in step with the pivot identity. Guide:
 * docs/mail-platform.md. Settings: `dir` (absolute folder the files are written to, read by
 * Dovecot and Postfix), `domains` (the hosted mail domains), `quotaBytes` (storage per mailbox
 * when the subscription sets none; null or absent: none), `sharedMailboxes` (`[{ address,
 * memberId, quotaBytes }]`: the services' shared mailboxes), `doveadm` (the command and its
 * first arguments, default `["doveadm"]`), `postmap` (default `postmap`), `lastLoginDir` (where
 * Dovecot's `last_login` plugin writes, for the migration's first sign-ins). The quota comes from
 * the member's subscription to the connector's service (`clientId`) when it sets one.
 *
 * Why files, written whole and renamed: Dovecot's passwd-file is re-read when its mtime changes,
 * a rename is atomic (a reader sees the old or the new file, never half of one), and Postfix
 * restarts its daemons when a `hash:` table changes; no extra server (SQL dict, LDAP) to run
 * next to the mail servers. One writer per folder: writes are serialised in this process, and
 * the engine delivers a person's events in order; several Entente nodes must not share one folder.
 *
 * Suspension (SCIM `active: false`): the mailbox stays in the userdb (mail is still received, the
 * data kept), its address goes to the deny passdb (sign-in refused), then `doveadm kick` ends its
 * IMAP sessions and `doveadm auth cache flush` forgets its cached logins. A deletion is a
 * suspension marked deleted; `purgeMailDirectory` is the retention's hook that removes it.
 */
export function createMailKind(quotaOf?: MailQuotaSource): ConnectorKind {
  return {
    kind: "mail",
    checkSettings: checkMailSettings,
    create: (record) => createMailConnector(record, quotaOf),
  };
}

/** The mail connector with the quota of its settings only. */
export const mailKind: ConnectorKind = createMailKind();

interface MailSettings {
  readonly dir: string;
  readonly domains: readonly string[];
  readonly quotaBytes: number | null;
  readonly shared: readonly SharedMailbox[];
  readonly doveadm: readonly string[];
  readonly postmap: string;
}

function checkMailSettings(settings: Readonly<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  if (typeof settings.dir !== "string" || !settings.dir.startsWith("/"))
    problems.push("settings.dir: an absolute folder path is expected");
  const domains = settings.domains;
  if (!Array.isArray(domains) || domains.length === 0 || domains.some((d) => !isMailAddress(`x@${d}`)))
    problems.push("settings.domains: a non-empty list of mail domains (lowercase) is expected");
  const quota = settings.quotaBytes;
  if (quota !== undefined && quota !== null && !(Number.isSafeInteger(quota) && Number(quota) > 0))
    problems.push("settings.quotaBytes: a positive integer (bytes) or null is expected");
  const shared = settings.sharedMailboxes ?? [];
  if (
    !Array.isArray(shared) ||
    shared.some((s) => !isMailAddress(String(s?.address)) || typeof s?.memberId !== "string")
  )
    problems.push("settings.sharedMailboxes: a list of { address, memberId, quotaBytes } is expected");
  const doveadm = settings.doveadm;
  if (
    doveadm !== undefined &&
    (!Array.isArray(doveadm) || doveadm.length === 0 || doveadm.some((a) => typeof a !== "string"))
  )
    problems.push(
      'settings.doveadm: a command and its arguments, e.g. ["doveadm", "-c", "/etc/dovecot/dovecot.conf"]',
    );
  return problems;
}

function mailSettings(record: ConnectorRecord): MailSettings {
  const s = record.settings;
  return {
    dir: String(s.dir),
    domains: (s.domains as string[]).map((d) => d.toLowerCase()),
    quotaBytes: typeof s.quotaBytes === "number" ? s.quotaBytes : null,
    shared: ((s.sharedMailboxes ?? []) as SharedMailbox[]).map((m) => ({
      address: m.address.toLowerCase(),
      memberId: m.memberId,
      quotaBytes: m.quotaBytes ?? null,
    })),
    doveadm: (s.doveadm as string[] | undefined) ?? ["doveadm"],
    postmap: typeof s.postmap === "string" ? s.postmap : "postmap",
  };
}

function createMailConnector(record: ConnectorRecord, quotaOf?: MailQuotaSource): Connector {
  const settings = mailSettings(record);
  return {
    deliver: (change) =>
      serialised(settings.dir, async (): Promise<DeliveryOutcome> => {
        const { kind } = change;
        if (kind === "erased") return eraseMailboxes(settings, change);
        const fromSubscription =
          record.clientId === null
            ? null
            : await quotaOf?.(change.ententeId, record.clientId, change.memberId);
        const quotaBytes = fromSubscription ?? settings.quotaBytes;
        const at = new Date().toISOString();
        const result = applyAccountChange(
          await readDirectory(settings.dir),
          { ...change, kind },
          {
            domains: settings.domains,
            quotaBytes,
            at,
          },
        );
        if (!result.ok) return { status: "reject", detail: result.reason };
        try {
          await writeDirectory(settings, result.directory);
          if (result.newlySuspended || result.mailbox.suspendedAt !== null)
            await endSessions(settings, result.mailbox.address);
          else if (change.kind === "reactivated") await flushAuthCache(settings, result.mailbox.address);
        } catch (error) {
          return { status: "retry", detail: `mail platform (${settings.dir}): ${reasonOf(error)}` };
        }
        const state = result.mailbox.suspendedAt === null ? "active" : "suspended";
        return { status: "done", detail: `${result.mailbox.address} ${state}` };
      }),
  };
}

/** The `erased` event: the person's mailboxes of the member leave the servers' files (idempotent). */
async function eraseMailboxes(
  settings: MailSettings,
  change: { readonly sub: string; readonly memberId: string },
): Promise<DeliveryOutcome> {
  const { directory, erased } = eraseAccount(await readDirectory(settings.dir), change);
  if (erased.length === 0) return { status: "done", detail: "no mailbox left to erase" };
  try {
    await writeDirectory(settings, directory);
  } catch (error) {
    return { status: "retry", detail: `mail platform (${settings.dir}): ${reasonOf(error)}` };
  }
  return { status: "done", detail: `erased ${erased.join(", ")}` };
}

/**
 * The retention's hook (the engine has no retention period yet): removes from the directory the
 * mailboxes deleted on or before `before` (ISO instant) and rewrites the servers' files.
 * @returns the purged addresses (their mail folders are the operator's to remove).
 */
export async function purgeMailDirectory(
  record: ConnectorRecord,
  before: string,
): Promise<readonly string[]> {
  const settings = mailSettings(record);
  return serialised(settings.dir, async () => {
    const { directory, purged } = purgeDeleted(await readDirectory(settings.dir), before);
    if (purged.length > 0) await writeDirectory(settings, directory);
    return purged;
  });
}

/**
 * Rewrites every file of the folder from `mailboxes.json` (an empty directory when there is
 * none yet): run once before the mail servers first start, and to repair a hand-edited file.
 */
export async function rewriteMailDirectory(record: ConnectorRecord): Promise<void> {
  const settings = mailSettings(record);
  await serialised(settings.dir, async () => writeDirectory(settings, await readDirectory(settings.dir)));
}

/** The mailboxes of the connector's folder (address, member, person; null for a shared one). */
export async function mailboxesOf(record: ConnectorRecord): Promise<readonly Mailbox[]> {
  return Object.values(await readDirectory(mailSettings(record).dir));
}

/**
 * The addresses that signed in at least once: the files Dovecot's `last_login` plugin writes,
 * one per user, in `settings.lastLoginDir` (`last_login_dict = fs:posix:prefix=DIR/`,
 * `last_login_key = %u`); empty without that setting.
 */
export async function signedInOf(record: ConnectorRecord): Promise<ReadonlySet<string>> {
  const dir = record.settings.lastLoginDir;
  if (typeof dir !== "string") return new Set();
  try {
    return new Set((await readdir(dir)).map((name) => name.toLowerCase()));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Set();
    throw error;
  }
}

/**
 * The storage each mailbox uses, in bytes, by address: one `doveadm -f tab quota get -A` (every
 * user of the userdb; Dovecot counts storage in KiB). Null when Dovecot could not answer.
 */
export async function storageUsedOf(record: ConnectorRecord): Promise<ReadonlyMap<string, number> | null> {
  const [command = "doveadm", ...first] = mailSettings(record).doveadm;
  try {
    const { stdout } = await run(command, [...first, "-f", "tab", "quota", "get", "-A"], {
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const used = new Map<string, number>();
    for (const line of stdout.split("\n").slice(1)) {
      const [user, , type, value] = line.split("\t");
      if (user !== undefined && type === "STORAGE" && /^\d+$/.test(value ?? ""))
        used.set(user.toLowerCase(), Number(value) * 1024);
    }
    return used;
  } catch {
    return null;
  }
}

/** The directory as the connector last wrote it (`mailboxes.json`, the source of every other file). */
export async function readDirectory(dir: string): Promise<MailDirectory> {
  try {
    return JSON.parse(await readFile(join(dir, "mailboxes.json"), "utf8")) as MailDirectory;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw error;
  }
}

/**
 * Writes every file, each atomically (temporary file, then rename), the servers' files first and
 * `mailboxes.json` last: a write interrupted half-way is redone whole by the retried delivery.
 */
async function writeDirectory(settings: MailSettings, directory: MailDirectory): Promise<void> {
  const files: MailFiles = renderMailFiles(directory, settings.shared, settings.domains);
  await writeAtomically(settings.dir, "users", files.users);
  await writeAtomically(settings.dir, "denied", files.denied);
  for (const table of ["domains", "mailboxes", "aliases"] as const)
    await writeTable(settings, table, files[table]);
  await writeAtomically(settings.dir, "mailboxes.json", `${JSON.stringify(directory, null, 1)}\n`);
}

async function writeAtomically(dir: string, name: string, content: string): Promise<void> {
  const temporary = join(dir, `.${name}.${randomBytes(6).toString("hex")}`);
  try {
    await writeFile(temporary, content, { mode: 0o644 });
    await rename(temporary, join(dir, name));
  } finally {
    await rm(temporary, { force: true });
  }
}

/** A Postfix `hash:` table: the source and its `.db` built by `postmap` aside, then both renamed. */
async function writeTable(settings: MailSettings, name: string, content: string): Promise<void> {
  const temporary = join(settings.dir, `.${name}.${randomBytes(6).toString("hex")}`);
  try {
    await writeFile(temporary, content, { mode: 0o644 });
    await run(settings.postmap, [`hash:${temporary}`], { timeout: 30_000 });
    await rename(`${temporary}.db`, join(settings.dir, `${name}.db`));
    await rename(temporary, join(settings.dir, name));
  } finally {
    await rm(temporary, { force: true });
    await rm(`${temporary}.db`, { force: true });
  }
}

/**
 * How long Dovecot may go on using the deny list it read before the rewrite: its passwd-file
 * driver checks the file's stat at most once per second of its clock (seen in the tests: a login
 * in the same second as the rewrite was let in). Kicking before that would let the client sign
 * in again at once.
 */
const PASSWD_FILE_RECHECK_MS = 1100;

/** Ends a suspended person's IMAP sessions and forgets their cached logins (both idempotent). */
async function endSessions(settings: MailSettings, address: string): Promise<void> {
  await sleep(PASSWD_FILE_RECHECK_MS);
  const [command = "doveadm", ...first] = settings.doveadm;
  await run(command, [...first, "kick", address], { timeout: 30_000 }).catch((error: unknown) => {
    // doveadm kick exits 68 (EX_NOUSER?) when no session was there to kick: nothing to do.
    if ((error as { code?: unknown }).code !== 68) throw error;
  });
  await flushAuthCache(settings, address);
}

/** Forgets the cached logins of `address` (a reactivated person's refusals, a suspended one's successes). */
async function flushAuthCache(settings: MailSettings, address: string): Promise<void> {
  const [command = "doveadm", ...first] = settings.doveadm;
  await run(command, [...first, "auth", "cache", "flush", address], { timeout: 30_000 });
}

const queues = new Map<string, Promise<unknown>>();

/** Runs `work` after every earlier write to the same folder of this process (one writer per folder). */
function serialised<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(dir) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  queues.set(dir, settled);
  void settled.then(() => {
    if (queues.get(dir) === settled) queues.delete(dir);
  });
  return next;
}

function reasonOf(error: unknown): string {
  const e = error as { stderr?: string; message?: string };
  return (e.stderr?.trim() || e.message || String(error)).slice(0, 500);
}
