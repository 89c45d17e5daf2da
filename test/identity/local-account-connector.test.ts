import assert from "node:assert/strict";
import { it } from "node:test";
import { createArgon2PasswordHasher } from "../../src/access/crypto/argon2-password-hasher.ts";
import { createAccountStore } from "../../src/access/db/account-store.ts";
import type { SourceRecord } from "../../src/identity/domain/identity-source.ts";
import {
  createLocalAccountConnector,
  splitDisplayName,
} from "../../src/identity/upstream/local-account-connector.ts";
import { EntenteError } from "../../src/shared/errors.ts";
import { describeOnDatabases } from "../helpers/databases.ts";

const source = (ententeId: string, memberId: string): SourceRecord => ({
  id: `local-${memberId}`,
  kind: "local",
  ententeId,
  memberId,
  label: "Comptes de l'entente",
  enabled: true,
  mapping: {
    givenName: "givenName",
    familyName: "familyName",
    usualName: null,
    email: "email",
    uid: "uid",
    groups: null,
    role: { fixed: "agent" },
  },
  secret: null,
  rowVersion: 1,
});

it("splits a display name: first word given name, the rest family name", () => {
  assert.deepEqual(splitDisplayName("  Marie   Dupont-Durand "), {
    givenName: "Marie",
    familyName: "Dupont-Durand",
  });
  assert.deepEqual(splitDisplayName("Jean Paul de La Tour"), {
    givenName: "Jean",
    familyName: "Paul de La Tour",
  });
  assert.deepEqual(splitDisplayName("Cher"), { givenName: "Cher", familyName: "Cher" });
});

describeOnDatabases("local accounts as a password source", (get) => {
  it("signs in an account of the source's entente; every other case is identity.invalid_credentials", async () => {
    const hasher = createArgon2PasswordHasher();
    const accounts = createAccountStore(get().db);
    const account = await accounts.create({
      email: "Secretariat@Entente.example",
      displayName: "Sophie Bernard",
      passwordHash: await hasher.hash("correct horse"),
      role: "secretariat",
      ententeId: null,
      memberId: null,
      missionId: null,
    });
    // The secretariat's address is registered to the SITIV's local source only.
    const connector = createLocalAccountConnector({
      accounts,
      hasher,
      now: () => new Date(),
      registeredSourceOf: async (email) => (email === "secretariat@entente.example" ? "local-sitiv" : null),
    });
    const identity = await connector.authenticate(
      source("lyon-2023", "sitiv"),
      "secretariat@entente.example",
      "correct horse",
    );
    assert.equal(identity.upstreamId, account.id);
    assert.deepEqual(identity.amr, ["pwd"]);
    assert.deepEqual(identity.attributes.givenName, ["Sophie"]);
    assert.deepEqual(identity.attributes.familyName, ["Bernard"]);
    assert.deepEqual(identity.attributes.email, ["secretariat@entente.example"]);
    const refused = (e: unknown) => e instanceof EntenteError && e.code === "identity.invalid_credentials";
    await assert.rejects(
      connector.authenticate(source("lyon-2023", "sitiv"), "secretariat@entente.example", "wrong"),
      refused,
    );
    await assert.rejects(
      connector.authenticate(source("lyon-2023", "sitiv"), "nobody@entente.example", "correct horse"),
      refused,
    );
    // An account of no member cannot enter through another member's source (it would become
    // another pivot person there).
    await assert.rejects(
      connector.authenticate(
        source("lyon-2023", "ville-lyon"),
        "secretariat@entente.example",
        "correct horse",
      ),
      refused,
    );
    const bound = await accounts.create({
      email: "finance@entente.example",
      displayName: "Luc Roux",
      passwordHash: await hasher.hash("correct horse"),
      role: "finance",
      ententeId: null,
      memberId: "metropole",
      missionId: null,
    });
    assert.ok(bound.id);
    await assert.rejects(
      connector.authenticate(source("lyon-2023", "sitiv"), "finance@entente.example", "correct horse"),
      refused,
      "another member's account",
    );
  });
});
