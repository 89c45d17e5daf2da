/**
 * What the console-access use cases need from the outside world: the accounts, the server-side
 * web sessions and password hashing. src/access/db and src/access/crypto implement them.
 */

export interface AccountRecord {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly role: "secretariat" | "finance" | "mission-lead" | "reader";
  readonly ententeId: string | null;
  readonly memberId: string | null;
  readonly missionId: string | null;
}

export interface AccountStore {
  findByEmail(email: string): Promise<AccountRecord | null>;
  findById(id: string): Promise<AccountRecord | null>;
  create(account: Omit<AccountRecord, "id">): Promise<AccountRecord>;
  count(): Promise<number>;
}

/**
 * Sign-in attempts counted by key (hashed), shared by every node: the store of the sign-in
 * throttle (src/access/app/sign-in-throttle.ts).
 */
export interface LoginFailureStore {
  /** Records one failure at `at` under each key (one round trip). */
  recordFailure(keys: readonly string[], at: Date): Promise<void>;
  /** For each query, the times recorded under `key` at or after `since`, oldest first (one round trip). */
  failuresSince(queries: readonly { readonly key: string; readonly since: Date }[]): Promise<Date[][]>;
  /** Forgets the failures of `key` (after a successful sign-in). */
  clearFailures(key: string): Promise<void>;
}

/** Server-side storage of web sessions (data is JSON; ids are random, unguessable). */
export interface WebSessionStore {
  get(id: string): Promise<Record<string, unknown> | null>;
  set(id: string, data: Record<string, unknown>, expiresAt: Date): Promise<void>;
  destroy(id: string): Promise<void>;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}
