import { assertCan, type Principal } from "../../access/index.ts";
import { daysBefore, type MigrationStage, migrationStage } from "../domain/mail-migration.ts";
import type { Mailbox } from "../domain/mailbox-directory.ts";
import type { AccountState } from "../domain/scim-person.ts";
import { EntenteError } from "../errors.ts";
import type { ConnectorKind, ConnectorRecord } from "./connector.ts";
import type { ConnectorStore } from "./engine-ports.ts";

/** A person of a member's directory, as the connectors receive it. */
export interface MemberAccount {
  readonly sub: string;
  readonly account: AccountState;
}

/** A member's migration wave to the mail service, as the workplace keeps it (through its door). */
export interface MailWave {
  readonly label: string;
  readonly plannedStart: string | null;
  readonly actualEnd: string | null;
  readonly accountsPlanned: number;
}

/** What the migration helpers need (composed in `compose.ts`). */
export interface MailMigrationDeps {
  readonly connectors: ConnectorStore;
  readonly kinds: ReadonlyMap<string, ConnectorKind>;
  readonly accounts: {
    listActive(ententeId: string, memberId: string): Promise<MemberAccount[]>;
    listMembers(ententeId: string): Promise<string[]>;
  };
  /** The wave of a member's subscription to the service `clientId`; null: none. */
  readonly waveOf: (ententeId: string, clientId: string, memberId: string) => Promise<MailWave | null>;
  /** The mail platform as the connector wrote it: mailboxes (address, member) and the addresses that signed in. */
  readonly platform: {
    mailboxes(record: ConnectorRecord): Promise<readonly Mailbox[]>;
    signedIn(record: ConnectorRecord): Promise<ReadonlySet<string>>;
    /** Bytes used per address; null when the mail server could not answer. */
    storageUsed(record: ConnectorRecord): Promise<ReadonlyMap<string, number> | null>;
  };
  readonly now: () => Date;
}

/** What a run ahead of the switch did for one member. */
export interface PrepareResult {
  readonly memberId: string;
  readonly accounts: number;
  readonly done: number;
  /** Accounts the mail platform refused (foreign domain, address of another person), with why. */
  readonly refused: readonly { readonly userName: string; readonly reason: string }[];
}

/** One member's line of the migration report. */
export interface MemberMigration {
  readonly memberId: string;
  readonly wave: MailWave | null;
  /** Days until the wave's planned start (negative once passed); null without one. */
  readonly daysToStart: number | null;
  readonly planned: number;
  readonly created: number;
  readonly signedIn: number;
  readonly stage: MigrationStage;
  /** The mail domains of its mailboxes in use, sorted. */
  readonly domains: readonly string[];
  /** Storage its mailboxes in use hold, bytes; null when Dovecot could not say. */
  readonly storageUsedBytes: number | null;
}

async function findMailConnector(deps: MailMigrationDeps, ententeId: string, memberId: string) {
  return (await deps.connectors.list(ententeId)).find(
    (c) => c.kind === "mail" && c.enabled && (c.memberIds === null || c.memberIds.includes(memberId)),
  );
}

async function mailConnector(deps: MailMigrationDeps, ententeId: string, memberId: string) {
  const record = await findMailConnector(deps, ententeId, memberId);
  if (record === undefined)
    throw new EntenteError("provisioning.mail_not_configured", { entente: ententeId, member: memberId });
  return record;
}

/**
 * Creates ahead of the switch the mailbox of every active person of the member's directory
 * (issue 12 item 5), through the mail connector (idempotent: a run again, or after a stop,
 * creates only what is missing). Secretariat (`manage-identity`) or the CLI (`principal` null).
 * @throws `provisioning.mail_not_configured` when no enabled mail connector serves the member.
 */
export async function prepareMemberMailboxes(
  deps: MailMigrationDeps,
  principal: Principal | null,
  ententeId: string,
  memberId: string,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<PrepareResult> {
  if (principal !== null) assertCan(principal, { kind: "manage-identity", ententeId });
  const record = await mailConnector(deps, ententeId, memberId);
  const connector = (deps.kinds.get("mail") as ConnectorKind).create(record);
  const accounts = await deps.accounts.listActive(ententeId, memberId);
  const refused: { userName: string; reason: string }[] = [];
  let done = 0;
  for (const [index, { sub, account }] of accounts.entries()) {
    const outcome = await connector.deliver({
      eventId: `migration-${memberId}-${sub}`,
      kind: "created",
      sub,
      ententeId,
      memberId,
      account,
    });
    if (outcome.status === "done") done++;
    else refused.push({ userName: account.userName, reason: outcome.detail });
    onProgress(index + 1, accounts.length);
  }
  return { memberId, accounts: accounts.length, done, refused };
}

/**
 * The mail migration's report: per member (one, or every member with persons in its directory
 * that a mail connector serves), the wave, accounts planned, mailboxes created, first sign-ins
 * and the stage.
 * @throws `provisioning.mail_not_configured` when the one member asked for is served by none.
 */
export async function mailMigrationReport(
  deps: MailMigrationDeps,
  principal: Principal | null,
  ententeId: string,
  memberId: string | null,
): Promise<MemberMigration[]> {
  if (principal !== null) assertCan(principal, { kind: "read-identity", ententeId, memberId });
  const members = memberId === null ? await deps.accounts.listMembers(ententeId) : [memberId];
  const today = deps.now().toISOString().slice(0, 10);
  const lines: MemberMigration[] = [];
  for (const member of members) {
    // One member asked for: say when no connector serves it; every member: those served only.
    const record =
      memberId === null
        ? await findMailConnector(deps, ententeId, member)
        : await mailConnector(deps, ententeId, member);
    if (record === undefined) continue;
    const [accounts, mailboxes, signedIn] = await Promise.all([
      deps.accounts.listActive(ententeId, member),
      deps.platform.mailboxes(record),
      deps.platform.signedIn(record),
    ]);
    const wave = record.clientId === null ? null : await deps.waveOf(ententeId, record.clientId, member);
    // Persons' mailboxes in use: shared mailboxes and suspended ones (persons gone) are not counted.
    const own = mailboxes.filter((m) => m.memberId === member && m.sub !== null && m.suspendedAt === null);
    const counts = {
      planned: Math.max(accounts.length, wave?.accountsPlanned ?? 0),
      created: own.length,
      signedIn: own.filter((m) => signedIn.has(m.address)).length,
    };
    const used = own.length === 0 ? new Map<string, number>() : await deps.platform.storageUsed(record);
    lines.push({
      memberId: member,
      domains: [...new Set(own.map((m) => m.address.split("@")[1] ?? ""))].sort(),
      storageUsedBytes: used === null ? null : own.reduce((sum, m) => sum + (used.get(m.address) ?? 0), 0),
      wave,
      daysToStart: wave?.plannedStart ? daysBefore(today, wave.plannedStart) : null,
      ...counts,
      stage: migrationStage(counts, wave?.actualEnd ?? null),
    });
  }
  return lines;
}
