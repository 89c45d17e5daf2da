import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  applyAccountChange,
  type MailDirectory,
  purgeDeleted,
  renderMailFiles,
} from "./mailbox-directory.ts";

const account = (email: string, active = true) => ({
  userName: email,
  active,
  email,
  givenName: "",
  familyName: "",
  displayName: "",
  role: "agent" as const,
  groups: [],
});
const rules = { domains: ["sitiv.fr", "ville.test"], quotaBytes: 1024, at: "2026-03-02T09:00:00.000Z" };
const apply = (
  directory: MailDirectory,
  kind: "created" | "suspended" | "deleted" | "reactivated",
  email: string,
  memberId = "sitiv",
  sub = "s1",
) => {
  const result = applyAccountChange(
    directory,
    { kind, sub, memberId, account: account(email, kind !== "suspended" && kind !== "deleted") },
    rules,
  );
  if (!result.ok) throw new Error(result.reason);
  return result;
};

describe("mailbox directory", () => {
  it("gives a person of two members one mailbox per member address", () => {
    const one = apply({}, "created", "Alice@Sitiv.fr");
    const two = apply(one.directory, "created", "alice@ville.test", "ville");
    assert.deepEqual(Object.keys(two.directory).sort(), ["alice@sitiv.fr", "alice@ville.test"]);
    const stolen = applyAccountChange(
      two.directory,
      { kind: "created", sub: "s2", memberId: "sitiv", account: account("alice@sitiv.fr") },
      rules,
    );
    assert.equal(stolen.ok, false);
  });

  it("is idempotent, refuses a domain it does not host, and suspends once", () => {
    const one = apply({}, "created", "alice@sitiv.fr");
    assert.deepEqual(apply(one.directory, "created", "alice@sitiv.fr").directory, one.directory);
    const foreign = applyAccountChange(
      {},
      { kind: "created", sub: "s", memberId: "m", account: account("a@example.org") },
      rules,
    );
    assert.equal(foreign.ok, false);
    assert.match(foreign.ok ? "" : foreign.reason, /example\.org is not hosted/);
    const suspended = apply(one.directory, "suspended", "alice@sitiv.fr");
    assert.equal(suspended.newlySuspended, true);
    assert.equal(apply(suspended.directory, "suspended", "alice@sitiv.fr").newlySuspended, false);
    assert.equal(apply(suspended.directory, "reactivated", "alice@sitiv.fr").mailbox.suspendedAt, null);
  });

  it("renders userdb, deny list and Postfix tables; purges deleted mailboxes after the retention", () => {
    const deleted = apply(
      apply({}, "created", "bob@sitiv.fr", "sitiv", "s2").directory,
      "deleted",
      "bob@sitiv.fr",
      "sitiv",
      "s2",
    );
    const both = apply(deleted.directory, "created", "alice@sitiv.fr");
    const files = renderMailFiles(
      both.directory,
      [{ address: "accueil@sitiv.fr", memberId: "sitiv", quotaBytes: null }],
      rules.domains,
    );
    assert.equal(
      files.users,
      "accueil@sitiv.fr:::::::\nalice@sitiv.fr:::::::userdb_quota_rule=*:storage=1024B\nbob@sitiv.fr:::::::userdb_quota_rule=*:storage=1024B\n",
    );
    assert.equal(files.denied, "accueil@sitiv.fr:\nbob@sitiv.fr:\n");
    assert.equal(files.domains, "sitiv.fr OK\nville.test OK\n");
    assert.deepEqual(purgeDeleted(both.directory, "2026-03-01T00:00:00.000Z").purged, []);
    assert.deepEqual(purgeDeleted(both.directory, "2026-04-01T00:00:00.000Z").purged, ["bob@sitiv.fr"]);
  });
});
