import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { seedPgliteDataDir } from "../helpers/pglite-template.ts";
import { LYON, runEntente } from "../helpers/run-cli.ts";

describe("entente resource-server / entente oidc keys dovecot (PGlite in DATA_DIR)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "entente-rs-cli-"));
  const env = { DATA_DIR: dataDir, NODE_ENV: "test" };
  // The database starts migrated (test/helpers/pglite-template.ts): the commands are what is tested.
  before(() => seedPgliteDataDir(dataDir));

  it("adds a resource server, refuses a bad one naming the field, lists and removes it", () => {
    assert.equal(runEntente(["import", LYON], { env }).status, 0);
    const add = (audience: string, ...more: string[]) =>
      runEntente(
        [
          "--lang",
          "en",
          "resource-server",
          "add",
          "--entente",
          "lyon-2023",
          "--name",
          "Mail",
          "--audience",
          audience,
          "--scopes",
          "mail",
          ...more,
        ],
        { env },
      );
    const added = add("https://mail.example.fr/", "--jwt-type", "JWT", "--ttl", "120");
    assert.equal(added.status, 0, added.stderr);
    const id = /id: (\S+)/.exec(added.stdout)?.[1] ?? "";
    assert.match(id, /^rs_/);
    const bad = add("https://mail.example.fr/?x", "--format", "opaque");
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /resource server, field "audience"/);
    const listed = runEntente(["resource-server", "list", "--entente", "lyon-2023"], { env });
    assert.equal(listed.stdout, `${id}\tMail\thttps://mail.example.fr/\tjwt(JWT)\t120s\tmail\tenabled\n`);
    const removed = runEntente(["resource-server", "remove", id, "--entente", "lyon-2023"], { env });
    assert.equal(removed.status, 0, removed.stderr);
    assert.match(removed.stdout, new RegExp(id));
  });

  it("writes the published public keys as Dovecot's key dictionary, never a private part", () => {
    assert.equal(runEntente(["oidc", "keys", "rotate"], { env }).status, 0);
    const dir = join(dataDir, "dovecot-keys");
    const written = runEntente(["--lang", "en", "oidc", "keys", "dovecot", "--dir", dir], { env });
    assert.equal(written.status, 0, written.stderr);
    assert.match(written.stdout, /^4 public key\(s\) written/);
    const es256 = readdirSync(join(dir, "default", "ES256"));
    assert.equal(es256.length, 2, "current and next");
    for (const kid of es256) {
      assert.match(kid, /^es256-/);
      const pem = readFileSync(join(dir, "default", "ES256", kid), "utf8");
      assert.match(pem, /^-----BEGIN PUBLIC KEY-----\n/);
      assert.doesNotMatch(pem, /PRIVATE/);
    }
  });
});
