import { randomBytes } from "node:crypto";
import type {
  Connector,
  ConnectorChange,
  ConnectorKind,
  ConnectorRecord,
  DeliveryOutcome,
  PeerAccount,
} from "../app/connector.ts";
import type { AccountState } from "../domain/scim-person.ts";
import { checkHttpUrl, PEER_TIMEOUT_MS, refusalOutcome, unreachableOutcome } from "./http-outcome.ts";

/**
 * The chat connector: ejabberd's REST admin API (`mod_http_api` with `mod_admin_extra`,
 * ejabberd 23.01 as Debian ships it). Settings: `apiUrl` (e.g. `http://127.0.0.1:5281/api`,
 * reachable by Entente only: ejabberd's `api_permissions` limited to its address), `host` (the
 * XMPP domain of the member's persons: one connector per member domain, so that a person of two
 * members gets two accounts, never a merged one); secret: a bearer token when ejabberd asks one.
 *
 * The account is the local part of the person's email at `host`. Steps, idempotent:
 * - active: `check_account` → `register` when missing (a random password: persons sign in with
 *   the hub's tokens, never with it); a reactivation sets a new random password, which lifts
 *   23.01's ban (a ban there is "kick the sessions and replace the password");
 * - suspended or deleted: `check_account` → `ban_account` when present (ejabberd 23.01 creates
 *   the account when banning one that does not exist, hence the check). Deprovisioning disables
 *   first; `unregister` is for the retention's deletion, later.
 *
 * The full resync lists the host's accounts (`registered_users`) and names each by the person
 * whose account it is (the same local part). ejabberd 23.01 cannot tell a banned account from
 * another (no `get_ban_details` before 24.06): the resync catches accounts missing (a `register`
 * that answered 200 without doing anything) and accounts of nobody Entente knows (banned again,
 * which changes nothing twice), not a ban lifted by hand at ejabberd.
 */
export const ejabberdKind: ConnectorKind = {
  kind: "ejabberd",
  checkSettings: (settings) => [
    ...checkHttpUrl("apiUrl", settings.apiUrl),
    ...(typeof settings.host === "string" && /^[a-z0-9.-]+$/i.test(settings.host)
      ? []
      : ["settings.host: an XMPP domain is expected"]),
  ],
  create: (record) => createEjabberdConnector(record),
};

type Command = (name: string, body: Record<string, string>) => Promise<Response>;

function createEjabberdConnector(record: ConnectorRecord): Connector {
  const api = String(record.settings.apiUrl).replace(/\/+$/, "");
  const host = String(record.settings.host);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (record.secret !== null) headers.authorization = `Bearer ${record.secret}`;
  const command: Command = (name, body) =>
    fetch(`${api}/${name}`, {
      method: "POST",
      headers,
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(PEER_TIMEOUT_MS),
    });
  return {
    list: (expected) => listAccounts(command, host, expected),
    async deliver(change) {
      const user = chatUser(change);
      if (user === null)
        return { status: "reject", detail: "the person has no address to name a chat account after" };
      try {
        if (change.kind === "erased") return await unregister(command, { user, host });
        const active = change.account.active && change.kind !== "suspended" && change.kind !== "deleted";
        return active
          ? await enable(command, { user, host }, change.kind)
          : await disable(command, { user, host });
      } catch (error) {
        return unreachableOutcome(`ejabberd ${api}`, error);
      }
    },
  };
}

interface Account {
  readonly user: string;
  readonly host: string;
}

async function enable(
  command: Command,
  account: Account,
  kind: ConnectorChange["kind"],
): Promise<DeliveryOutcome> {
  const exists = await accountExists(command, account);
  if (typeof exists !== "boolean") return exists;
  const password = randomBytes(24).toString("base64url");
  if (!exists) {
    const registered = await command("register", { ...account, password });
    // 409: registered meanwhile (a retry of a delivery whose answer was lost): the state is there.
    if (registered.ok || registered.status === 409) return { status: "done", detail: "registered" };
    return refusalOutcome("ejabberd register", registered);
  }
  if (kind !== "reactivated") return { status: "done", detail: "account present" };
  const changed = await command("change_password", { ...account, newpass: password });
  return changed.ok
    ? { status: "done", detail: "reactivated" }
    : refusalOutcome("ejabberd change_password", changed);
}

async function disable(command: Command, account: Account): Promise<DeliveryOutcome> {
  const exists = await accountExists(command, account);
  if (typeof exists !== "boolean") return exists;
  if (!exists) return { status: "done", detail: "no account to ban" };
  const banned = await command("ban_account", {
    ...account,
    reason: "suspended by the member's directory (Entente)",
  });
  return banned.ok ? { status: "done", detail: "banned" } : refusalOutcome("ejabberd ban_account", banned);
}

/** The retention period is over: the account and its data go (`unregister`); already gone is done. */
async function unregister(command: Command, account: Account): Promise<DeliveryOutcome> {
  const exists = await accountExists(command, account);
  if (typeof exists !== "boolean") return exists;
  if (!exists) return { status: "done", detail: "no account to erase" };
  const removed = await command("unregister", { ...account });
  return removed.ok
    ? { status: "done", detail: "unregistered" }
    : refusalOutcome("ejabberd unregister", removed);
}

/** `check_account` answers 0 when the account exists, 1 when it does not. */
async function accountExists(command: Command, account: Account): Promise<boolean | DeliveryOutcome> {
  const response = await command("check_account", { ...account });
  if (!response.ok) return refusalOutcome("ejabberd check_account", response);
  return (await response.json()) === 0;
}

/**
 * The host's accounts, named by the `sub` of the expected person with that local part (as the
 * person's, so that only presence is compared); an account of nobody expected keeps
 * `xmpp:user@host` as its key and its local part as userName (what a ban of it addresses).
 * @throws Error naming ejabberd's answer when it cannot list.
 */
async function listAccounts(
  command: Command,
  host: string,
  expected: ReadonlyMap<string, AccountState>,
): Promise<PeerAccount[]> {
  const response = await command("registered_users", { host });
  if (!response.ok)
    throw new Error(
      `ejabberd registered_users: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`,
    );
  const users = (await response.json()) as unknown;
  if (!Array.isArray(users)) throw new Error("ejabberd registered_users: a list of user names is expected");
  const byUser = new Map<string, { sub: string; account: AccountState }>();
  for (const [sub, account] of expected) {
    const user = localPartOf(account);
    if (user !== null) byUser.set(user, { sub, account });
  }
  return users.map((user): PeerAccount => {
    const person = byUser.get(String(user));
    if (person === undefined)
      return {
        sub: `xmpp:${String(user)}@${host}`,
        userName: String(user),
        active: true,
        email: null,
        givenName: "",
        familyName: "",
      };
    const { account } = person;
    return {
      sub: person.sub,
      userName: account.email ?? account.userName,
      active: account.active,
      email: account.email,
      givenName: account.givenName,
      familyName: account.familyName,
    };
  });
}

/**
 * The account's local part: the email's (else the userName's) local part, lowercased, with what
 * XMPP's localpart forbids or what would need escaping (RFC 7622 §3.3) replaced by `-`.
 */
export function chatUser(change: ConnectorChange): string | null {
  return localPartOf(change.account);
}

function localPartOf(account: AccountState): string | null {
  const address = account.email ?? account.userName;
  const local =
    address
      .split("@")[0]
      ?.normalize("NFC")
      .toLowerCase()
      .replace(/[^a-z0-9._-]/g, "-") ?? "";
  return local === "" ? null : local;
}
