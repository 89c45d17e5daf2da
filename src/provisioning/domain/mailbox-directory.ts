import type { AccountState } from "./scim-person.ts";

/**
 * The mail platform's directory as provisioning keeps it (docs/mail-platform.md): one mailbox
 * per person **and per member address** (a person of two members has two mailboxes, never a
 * merged one), its aliases, its quota, and whether it is suspended. Dovecot's userdb, its deny
 * list and Postfix's lookup tables are all rendered from it (`renderMailFiles`), so the three
 * never disagree.
 */
export interface Mailbox {
  /** The address, lowercased: Dovecot's user name and Postfix's recipient. */
  readonly address: string;
  readonly memberId: string;
  /** The person's pivot `sub`; null for a shared mailbox of a service. */
  readonly sub: string | null;
  /** Other addresses delivered to it (lowercased). */
  readonly aliases: readonly string[];
  /** Storage quota in bytes; null: none. */
  readonly quotaBytes: number | null;
  /** Suspended (ISO instant): delivery goes on, sign-in is refused, the data stays. */
  readonly suspendedAt: string | null;
  /** Deleted by the member (ISO instant): still suspended; removed by `purgeDeleted` after the retention. */
  readonly deletedAt: string | null;
}

export type MailDirectory = Readonly<Record<string, Mailbox>>;

/** A mailbox a service shares (a connector setting): a fixed address of a member. */
export interface SharedMailbox {
  readonly address: string;
  readonly memberId: string;
  readonly quotaBytes: number | null;
}

/** What a change does to the directory, or why it cannot. */
export type MailChangeResult =
  | {
      readonly ok: true;
      readonly directory: MailDirectory;
      readonly mailbox: Mailbox;
      readonly newlySuspended: boolean;
    }
  | { readonly ok: false; readonly reason: string };

const ADDRESS = /^[^\s@:,]+@[a-z0-9.-]+\.[a-z]{2,}$/;

/** Whether `text` is an address this platform can name a mailbox after (no `:`, space or comma: passwd-file and map syntax). */
export function isMailAddress(text: string): boolean {
  return ADDRESS.test(text);
}

/**
 * Applies one change of a person's account at a member to `directory` (pure, idempotent: the
 * same change twice gives the same directory).
 * - The mailbox is the account's email at `domains` (the hosted mail domains); an account whose
 *   email is elsewhere, missing, or already the mailbox of **another** person or member is refused.
 * - Active (created, updated, reactivated): present, not suspended; suspended or deleted: kept,
 *   `suspendedAt` set once (so `newlySuspended` says when to end its sessions), `deletedAt` for a deletion.
 * - Aliases: the `userName` when it is another address at a hosted domain.
 */
export function applyAccountChange(
  directory: MailDirectory,
  change: {
    readonly kind: "created" | "updated" | "suspended" | "reactivated" | "deleted";
    readonly sub: string;
    readonly memberId: string;
    readonly account: AccountState;
  },
  rules: { readonly domains: readonly string[]; readonly quotaBytes: number | null; readonly at: string },
): MailChangeResult {
  const address = change.account.email?.trim().toLowerCase() ?? "";
  if (!isMailAddress(address))
    return { ok: false, reason: `the person has no usable email address ("${address}")` };
  const domain = address.split("@")[1] ?? "";
  if (!rules.domains.includes(domain))
    return {
      ok: false,
      reason: `the domain ${domain} is not hosted by this mail platform (settings.domains: ${rules.domains.join(", ")})`,
    };
  const existing = directory[address];
  if (existing !== undefined && (existing.sub !== change.sub || existing.memberId !== change.memberId))
    return {
      ok: false,
      reason: `${address} is already the mailbox of ${existing.sub === null ? "a shared mailbox" : "another person"} of ${existing.memberId}`,
    };
  const active = change.account.active && change.kind !== "suspended" && change.kind !== "deleted";
  const userName = change.account.userName.trim().toLowerCase();
  const alias =
    userName !== address && isMailAddress(userName) && rules.domains.includes(userName.split("@")[1] ?? "")
      ? [userName]
      : [];
  const mailbox: Mailbox = {
    address,
    memberId: change.memberId,
    sub: change.sub,
    aliases: alias.filter((a) => directory[a] === undefined),
    quotaBytes: rules.quotaBytes,
    suspendedAt: active ? null : (existing?.suspendedAt ?? rules.at),
    deletedAt: change.kind === "deleted" ? (existing?.deletedAt ?? rules.at) : null,
  };
  const newlySuspended = !active && (existing === undefined || existing.suspendedAt === null);
  return { ok: true, directory: { ...directory, [address]: mailbox }, mailbox, newlySuspended };
}

/**
 * The retention hook: the mailboxes deleted on or before `before` leave the directory (their
 * mail folders are then the operator's to remove: `doveadm` cannot once the user is unknown).
 * @returns the directory without them and their addresses.
 */
export function purgeDeleted(
  directory: MailDirectory,
  before: string,
): { readonly directory: MailDirectory; readonly purged: readonly string[] } {
  const kept = Object.values(directory).filter((m) => m.deletedAt === null || m.deletedAt > before);
  const purged = Object.keys(directory).filter((a) => !kept.some((m) => m.address === a));
  return { directory: Object.fromEntries(kept.map((m) => [m.address, m])), purged };
}

/**
 * The erasure after the member's retention period (provisioning's `erased` event): the person's
 * mailboxes of that member leave the directory, so Postfix refuses their addresses and Dovecot
 * no longer knows them (their mail folders are then the operator's to remove, as `purgeDeleted`'s).
 * Idempotent: erasing an erased person changes nothing.
 * @returns the directory without them and their addresses.
 */
export function eraseAccount(
  directory: MailDirectory,
  person: { readonly sub: string; readonly memberId: string },
): { readonly directory: MailDirectory; readonly erased: readonly string[] } {
  const isTheirs = (m: Mailbox) => m.sub === person.sub && m.memberId === person.memberId;
  const erased = Object.values(directory)
    .filter(isTheirs)
    .map((m) => m.address);
  const kept = Object.values(directory).filter((m) => !isTheirs(m));
  return { directory: Object.fromEntries(kept.map((m) => [m.address, m])), erased };
}

/** The files the mail servers read, rendered from the directory (and the shared mailboxes of the settings). */
export interface MailFiles {
  /** Dovecot `userdb { driver = passwd-file }`: `address:::::::userdb_quota_rule=*:storage=NB` (7 colons: the 8th field holds the extra fields). */
  readonly users: string;
  /** Dovecot `passdb { driver = passwd-file; deny = yes }`: suspended and shared mailboxes (no sign-in). */
  readonly denied: string;
  /** Postfix `virtual_mailbox_domains`, `virtual_mailbox_maps`, `virtual_alias_maps` (sources of `postmap`). */
  readonly domains: string;
  readonly mailboxes: string;
  readonly aliases: string;
}

/** Renders the directory as the servers' files, sorted (a rewrite of an unchanged directory is byte-identical). */
export function renderMailFiles(
  directory: MailDirectory,
  shared: readonly SharedMailbox[],
  domains: readonly string[],
): MailFiles {
  const boxes: Mailbox[] = [
    ...Object.values(directory),
    ...shared
      .filter((s) => directory[s.address.toLowerCase()] === undefined)
      .map((s) => ({
        address: s.address.toLowerCase(),
        memberId: s.memberId,
        sub: null,
        aliases: [],
        quotaBytes: s.quotaBytes,
        suspendedAt: null,
        deletedAt: null,
      })),
  ].sort((a, b) => (a.address < b.address ? -1 : 1));
  const lines = (items: readonly string[]) => (items.length === 0 ? "" : `${items.join("\n")}\n`);
  return {
    users: lines(
      boxes.map(
        (m) =>
          `${m.address}:::::::${m.quotaBytes === null ? "" : `userdb_quota_rule=*:storage=${m.quotaBytes}B`}`,
      ),
    ),
    denied: lines(boxes.filter((m) => m.suspendedAt !== null || m.sub === null).map((m) => `${m.address}:`)),
    domains: lines([...new Set(domains)].sort().map((d) => `${d} OK`)),
    mailboxes: lines(boxes.map((m) => `${m.address} OK`)),
    aliases: lines(boxes.flatMap((m) => m.aliases.map((a) => `${a} ${m.address}`)).sort()),
  };
}
