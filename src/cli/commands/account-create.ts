import type { Role } from "../../app/access-policy.ts";
import { createAccountStore } from "../../db/account-store.ts";
import { createEntenteStore } from "../../db/entente-store.ts";
import { EntenteError, type Lang, localized } from "../../domain/errors.ts";
import { createArgon2PasswordHasher } from "../../identity/argon2-password-hasher.ts";
import { openCliDatabase } from "../open-cli-database.ts";
import type { Output } from "./budget-export.ts";

/** Shortest password accepted for a local account (NIST SP 800-63B §3.1.1.2 asks at least 8; we ask 12). */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * `entente account create EMAIL --role ROLE --entente ID [--member M] [--mission M]`: creates a
 * local account of the console; the password is read from standard input (never from the
 * command line, which other users of the machine can see).
 */
export async function createAccount(
  email: string,
  options: { role: Role; entente: string; member?: string; mission?: string; name?: string; lang: Lang },
  password: string,
  output: Output,
  env: Readonly<Record<string, string | undefined>>,
): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new EntenteError("cli.bad_option", {
      option: "password",
      expected: localized(
        `un mot de passe d'au moins ${MIN_PASSWORD_LENGTH} caractères sur l'entrée standard`,
        `a password of at least ${MIN_PASSWORD_LENGTH} characters on standard input`,
      ),
    });
  }
  if (options.role === "finance" && options.member === undefined) {
    throw new EntenteError("cli.bad_option", {
      option: "--member",
      expected: localized("le membre du responsable financier", "the finance officer's member"),
    });
  }
  if (options.role === "mission-lead" && options.mission === undefined) {
    throw new EntenteError("cli.bad_option", {
      option: "--mission",
      expected: localized("la mission du porteur", "the lead's mission"),
    });
  }
  const database = await openCliDatabase(env);
  try {
    const entente = await createEntenteStore(database.db).loadEntente(options.entente);
    if (options.member !== undefined && !entente.members.some((m) => m.id === options.member)) {
      throw new EntenteError("entente.unknown_reference", {
        what: localized("membre", "member"),
        id: options.member,
        known: entente.members.map((m) => m.id).join(", "),
      });
    }
    if (options.mission !== undefined && !entente.missions.some((m) => m.id === options.mission)) {
      throw new EntenteError("entente.unknown_reference", {
        what: localized("mission", "mission"),
        id: options.mission,
        known: entente.missions.map((m) => m.id).join(", "),
      });
    }
    const accounts = createAccountStore(database.db);
    if ((await accounts.findByEmail(email)) !== null) {
      throw new EntenteError("cli.bad_option", {
        option: "EMAIL",
        expected: localized(
          `une adresse sans compte (${email} en a déjà un)`,
          `an address without an account (${email} has one)`,
        ),
      });
    }
    await accounts.create({
      email,
      displayName: options.name ?? email,
      passwordHash: await createArgon2PasswordHasher().hash(password),
      role: options.role,
      ententeId: options.entente,
      memberId: options.member ?? null,
      missionId: options.mission ?? null,
    });
  } finally {
    await database.close();
  }
  output.write(
    options.lang === "fr"
      ? `compte créé : ${email} (${options.role}, entente ${options.entente}).\n`
      : `account created: ${email} (${options.role}, entente ${options.entente}).\n`,
  );
}
