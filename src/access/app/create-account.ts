import { isEmailAddress } from "../../shared/identifiers.ts";
import { EntenteError, localized } from "../errors.ts";
import type { AccessDeps } from "./access-deps.ts";
import type { AccountRecord } from "./ports.ts";

/** Shortest password accepted for a local account (NIST SP 800-63B §3.1.1.2 asks at least 8; we ask 12). */
export const MIN_PASSWORD_LENGTH = 12;

/** What an account refers to in the entente that owns it (checked by the finance context). */
export interface EntenteReferences {
  /**
   * Checks that the entente exists and has the member and the mission named (when not null).
   * @throws EntenteError `entente.not_found`, `entente.unknown_reference`
   */
  check(
    ententeId: string,
    refs: { readonly memberId: string | null; readonly missionId: string | null },
  ): Promise<void>;
}

export interface NewAccount {
  readonly email: string;
  readonly role: AccountRecord["role"];
  readonly ententeId: string;
  readonly memberId: string | null;
  readonly missionId: string | null;
  readonly displayName: string | null;
}

/**
 * The account's address follows the API's rule (shared/identifiers.ts), so that it can sign in.
 * @throws EntenteError `cli.bad_option` at EMAIL.
 */
function checkEmail(email: string): void {
  if (!isEmailAddress(email))
    throw new EntenteError("cli.bad_option", {
      option: "EMAIL",
      expected: localized(
        `une adresse e-mail (nom@domaine.fr) de 254 caractères au plus, reçu « ${email} »`,
        `an e-mail address (name@domain.org) of at most 254 characters, got "${email}"`,
      ),
    });
}

/**
 * Creates a local account of the console, with its password hashed (argon2id in production).
 * A finance officer needs its member, a mission lead its mission; both must exist in the entente.
 * @throws EntenteError `cli.bad_option` (not an e-mail address, short password, missing member or mission, address
 *   already used), `entente.not_found`, `entente.unknown_reference`
 */
export async function createAccount(
  deps: Omit<AccessDeps, "throttle"> & { readonly references: EntenteReferences },
  account: NewAccount,
  password: string,
): Promise<AccountRecord> {
  checkEmail(account.email);
  checkPassword(password);
  checkRoleReferences(account);
  await deps.references.check(account.ententeId, account);
  if ((await deps.accounts.findByEmail(account.email)) !== null) {
    throw new EntenteError("cli.bad_option", {
      option: "EMAIL",
      expected: localized(
        `une adresse sans compte (${account.email} en a déjà un)`,
        `an address without an account (${account.email} has one)`,
      ),
    });
  }
  return deps.accounts.create({
    email: account.email,
    displayName: account.displayName ?? account.email,
    passwordHash: await deps.hasher.hash(password),
    role: account.role,
    ententeId: account.ententeId,
    memberId: account.memberId,
    missionId: account.missionId,
  });
}

function checkPassword(password: string): void {
  if (password.length >= MIN_PASSWORD_LENGTH) return;
  throw new EntenteError("cli.bad_option", {
    option: "password",
    expected: localized(
      `un mot de passe d'au moins ${MIN_PASSWORD_LENGTH} caractères sur l'entrée standard`,
      `a password of at least ${MIN_PASSWORD_LENGTH} characters on standard input`,
    ),
  });
}

function checkRoleReferences(account: NewAccount): void {
  if (account.role === "finance" && account.memberId === null) {
    throw new EntenteError("cli.bad_option", {
      option: "--member",
      expected: localized("le membre du responsable financier", "the finance officer's member"),
    });
  }
  if (account.role === "mission-lead" && account.missionId === null) {
    throw new EntenteError("cli.bad_option", {
      option: "--mission",
      expected: localized("la mission du porteur", "the lead's mission"),
    });
  }
}
