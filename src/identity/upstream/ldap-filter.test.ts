import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildLdapFilter, groupNameOfDn } from "./ldap-connector.ts";

describe("buildLdapFilter (RFC 4515 §3 escaping of the login)", () => {
  const template = "(&(objectClass=inetOrgPerson)(|(uid={login})(mail={login})))";

  it("puts a plain login in every {login}", () => {
    assert.equal(
      buildLdapFilter(template, "alice.martin"),
      "(&(objectClass=inetOrgPerson)(|(uid=alice.martin)(mail=alice.martin)))",
    );
  });

  it("escapes the filter's special characters so that a login cannot change the filter", () => {
    assert.equal(buildLdapFilter("(uid={login})", "*)(uid=*"), "(uid=\\2a\\29\\28uid=\\2a)");
    assert.equal(buildLdapFilter("(uid={login})", "a\\b\0c"), "(uid=a\\5cb\\00c)");
  });
});

describe("groupNameOfDn", () => {
  it("gives the first RDN's value", () => {
    assert.equal(groupNameOfDn("cn=agents-ville,ou=groups,dc=entente,dc=test"), "agents-ville");
  });
  it("undoes RFC 4514 escapes", () => {
    assert.equal(groupNameOfDn("CN=Service\\, Finances,OU=Groups,DC=ville,DC=fr"), "Service, Finances");
    assert.equal(groupNameOfDn("cn=\\C3\\A9lus,ou=groups"), "élus");
  });
});
