import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { seedPgliteDataDir } from "../helpers/pglite-template.ts";
import { LYON, runEntente } from "../helpers/run-cli.ts";

describe("entente oidc keys / entente service (PGlite in DATA_DIR)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "entente-oidc-cli-"));
  const env = { DATA_DIR: dataDir, NODE_ENV: "test" };
  // The database starts migrated (test/helpers/pglite-template.ts): the commands are what is tested.
  before(() => seedPgliteDataDir(dataDir));

  it("rotates and lists signing keys, never printing a private part", () => {
    assert.equal(runEntente(["import", LYON], { env }).status, 0);
    const first = runEntente(["oidc", "keys", "rotate"], { env });
    assert.equal(first.status, 0, first.stderr);
    const second = runEntente(["--lang", "en", "oidc", "keys", "rotate"], { env });
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /activated: (rs256|es256)-/);
    const listed = runEntente(["oidc", "keys", "list"], { env });
    assert.equal(listed.status, 0, listed.stderr);
    const states = listed.stdout
      .trim()
      .split("\n")
      .map((line) => line.split("\t")[2])
      .sort();
    assert.deepEqual(states, ["current", "current", "next", "next", "retired", "retired"]);
    assert.doesNotMatch(listed.stdout, /"d"|privateJwk/);
  });

  it("adds a service (secret shown once), lists, rotates its secret and removes it", () => {
    const added = runEntente(
      [
        "service",
        "add",
        "--entente",
        "lyon-2023",
        "--name",
        "Nextcloud",
        "--redirect-uri",
        "https://cloud.example.fr/cb",
        "--redirect-uri",
        "http://127.0.0.1:8080/cb",
        "--post-logout-uri",
        "https://cloud.example.fr/",
        "--roles",
        "agent",
        "--required-acr",
        "2fa",
      ],
      { env },
    );
    assert.equal(added.status, 0, added.stderr);
    const clientId = /client_id: (\S+)/.exec(added.stdout)?.[1] ?? "";
    const secret = /client_secret: (\S+)/.exec(added.stdout)?.[1] ?? "";
    assert.match(clientId, /^svc_/);
    assert.ok(secret.length >= 43);
    const listed = runEntente(["service", "list", "--entente", "lyon-2023"], { env });
    assert.match(listed.stdout, new RegExp(`${clientId}\\tNextcloud\\tenabled`));
    assert.ok(!listed.stdout.includes(secret), "list never shows a secret");
    const rotated = runEntente(["service", "rotate-secret", clientId, "--entente", "lyon-2023"], { env });
    assert.equal(rotated.status, 0, rotated.stderr);
    assert.notEqual(/client_secret: (\S+)/.exec(rotated.stdout)?.[1], secret);
    assert.equal(runEntente(["service", "remove", clientId, "--entente", "lyon-2023"], { env }).status, 0);
    const gone = runEntente(["service", "remove", clientId, "--entente", "lyon-2023"], { env });
    assert.equal(gone.status, 1);
    assert.match(gone.stderr, /identity\.not_found/);
  });

  it("refuses a bad registration with the field and what is expected", () => {
    const bad = runEntente(
      [
        "service",
        "add",
        "--entente",
        "lyon-2023",
        "--name",
        "X",
        "--redirect-uri",
        "http://cloud.example.fr/cb",
      ],
      { env },
    );
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /identity\.client_invalid/);
    assert.match(bad.stderr, /redirectUris\[0\]/);
    assert.match(bad.stderr, /https/);
  });

  it("registers a confidential service without PKCE, lists it so, and refuses that for a public client", () => {
    const args = ["service", "add", "--entente", "lyon-2023", "--redirect-uri", "https://mail.example.fr/cb"];
    const added = runEntente([...args, "--name", "Roundcube", "--without-pkce"], { env });
    assert.equal(added.status, 0, added.stderr);
    const listed = runEntente(["service", "list", "--entente", "lyon-2023"], { env });
    assert.match(listed.stdout, /Roundcube\t.*\twithout-pkce\n/);
    const bad = runEntente([...args, "--name", "Appli", "--public", "--without-pkce"], { env });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /identity\.client_invalid/);
    assert.match(bad.stderr, /pkceExempt/);
  });

  it("refuses a policy naming a member that does not exist (a typo would lock it out)", () => {
    const typo = runEntente(
      [
        "service",
        "add",
        "--entente",
        "lyon-2023",
        "--name",
        "Y",
        "--redirect-uri",
        "https://y.example.fr/cb",
        "--members",
        "metropole,inconnu",
      ],
      { env },
    );
    assert.equal(typo.status, 1, typo.stderr);
    assert.match(typo.stderr, /identity\.client_invalid/);
    assert.match(typo.stderr, /inconnu/);
    assert.match(typo.stderr, /ville-lyon/, "lists the members that exist");
  });
});
