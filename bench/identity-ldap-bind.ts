// The LDAP exchange of a sign-in, with ldapts directly, as src/identity/upstream/ldap-connector.ts
// does it: connect, StartTLS (unless `startTls` is false), bind as the service account, search
// the person (filter escaped per RFC 4515), bind as the person, read the entry, unbind. Used by
// the bare provider's password page and by the bench's "directory alone" reference row.
import { Filter, Client as LdapClient } from "ldapts";
import type { ChildStart } from "./identity-child.ts";

/**
 * Signs `login` (an email whose domain names the organisational unit) in at the directory.
 * @returns the person's claims (sub = entryUUID), or null when refused or unreachable.
 */
export async function ldapSignIn(
  ldap: ChildStart["ldap"],
  login: string,
  password: string,
): Promise<(Record<string, unknown> & { sub: string }) | null> {
  const domain = login.slice(login.lastIndexOf("@") + 1);
  const unit = ldap.domains[domain];
  if (unit === undefined || password === "") return null;
  const client = new LdapClient({ url: ldap.url, timeout: 3000, connectTimeout: 3000, strictDN: true });
  try {
    if (ldap.startTls) await client.startTLS({ ca: [ldap.caPem], minVersion: "TLSv1.2" });
    await client.bind(ldap.bindDn, ldap.bindPassword);
    const base = `ou=${unit.ou},${ldap.baseDn}`;
    const escaped = Filter.escape(login);
    const filter = `(&(objectClass=inetOrgPerson)(|(uid=${escaped})(mail=${escaped})))`;
    const found = await client.search(base, { scope: "sub", filter, attributes: ["1.1"], sizeLimit: 2 });
    const dn = found.searchEntries.length === 1 ? found.searchEntries[0]?.dn : undefined;
    if (dn === undefined) return null;
    await client.bind(dn, password);
    const { searchEntries } = await client.search(dn, {
      scope: "base",
      attributes: ["givenName", "sn", "mail", "uid", "entryUUID", "memberOf"],
    });
    const entry = searchEntries[0];
    if (entry === undefined) return null;
    const one = (name: string) => String([entry[name]].flat()[0] ?? "");
    return {
      sub: one("entryUUID"),
      given_name: one("givenName"),
      family_name: one("sn"),
      email: one("mail"),
      email_verified: true,
      uid: one("uid"),
      organization_id: unit.memberId,
      groups: [entry.memberOf ?? []].flat().map((g) => String(g).split(",")[0]?.split("=")[1] ?? ""),
    };
  } catch {
    return null;
  } finally {
    await client.unbind().catch(() => undefined);
  }
}
