import type { AccountRecord, AccountStore, PasswordHasher } from "../../access/index.ts";
import type { PasswordConnector } from "../app/ports.ts";
import type { SourceRecord } from "../domain/identity-source.ts";
import type { UpstreamIdentity } from "../domain/upstream-identity.ts";
import { EntenteError } from "../errors.ts";

/**
 * Splits a display name into given and family names: the first word is the given name, the
 * rest the family name ("Marie Dupont-Durand" → "Marie", "Dupont-Durand"; "Jean Paul de La Tour"
 * → "Jean", "Paul de La Tour"). A single word is both. Local accounts store one display name only;
 * the mapping may use `displayName` instead.
 */
export function splitDisplayName(displayName: string): {
  readonly givenName: string;
  readonly familyName: string;
} {
  const words = displayName
    .trim()
    .split(/\s+/u)
    .filter((w) => w !== "");
  const [first = "", ...rest] = words;
  return { givenName: first, familyName: rest.length === 0 ? first : rest.join(" ") };
}

/** Whether an account may sign in through a local source of `source.ententeId` / `source.memberId`. */
/**
 * An account of a member signs in through that member's local source only. An account of no
 * member (the secretariat, a reader) signs in only through the local source its address is
 * registered to — otherwise the same account could enter through every member's source and
 * become a different pivot person in each.
 */
async function belongsTo(
  account: AccountRecord,
  source: SourceRecord,
  registeredSourceOf: (email: string) => Promise<string | null>,
): Promise<boolean> {
  if (account.ententeId !== null && account.ententeId !== source.ententeId) return false;
  if (account.memberId !== null) return account.memberId === source.memberId;
  return (await registeredSourceOf(account.email)) === source.id;
}

/**
 * The entente's own accounts (the console's, table `account`) as a password source. The login is
 * the account's email. An unknown login, an account of another entente or member and a wrong
 * password all answer `identity.invalid_credentials` after the same argon2
 * work (a hash of a fixed password is verified when there is no account), so neither the answer
 * nor its time tells whether the account exists. Attributes released (one value each): `email`,
 * `displayName`, `givenName`, `familyName` (see `splitDisplayName`), `uid` (the email),
 * `consoleRole`. upstreamId: the account id. amr `["pwd"]`.
 */
export function createLocalAccountConnector(deps: {
  readonly accounts: AccountStore;
  readonly hasher: PasswordHasher;
  readonly now: () => Date;
  /** The source an address is registered to (`IdentityRouting.routeEmail`), or null. */
  readonly registeredSourceOf: (email: string) => Promise<string | null>;
}): PasswordConnector {
  let decoy: Promise<string> | undefined;
  const decoyHash = () => {
    decoy ??= deps.hasher.hash("entente-decoy-password-never-valid");
    return decoy;
  };
  return {
    async authenticate(source, login, password) {
      const account = await deps.accounts.findByEmail(login);
      const usable = account !== null && (await belongsTo(account, source, deps.registeredSourceOf));
      const valid = await deps.hasher.verify(
        account === null ? await decoyHash() : account.passwordHash,
        password,
      );
      if (!usable || !valid) throw new EntenteError("identity.invalid_credentials");
      const names = splitDisplayName(account.displayName);
      const identity: UpstreamIdentity = {
        sourceId: source.id,
        upstreamId: account.id,
        attributes: {
          email: [account.email],
          displayName: [account.displayName],
          givenName: [names.givenName],
          familyName: [names.familyName],
          uid: [account.email],
          consoleRole: [account.role],
        },
        amr: ["pwd"],
        acr: null,
      };
      return identity;
    },
  };
}
