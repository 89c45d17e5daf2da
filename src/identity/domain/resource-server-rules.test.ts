import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { EntenteError } from "../errors.ts";
import { accessTokenClaims, isResourceServerOpenTo } from "./resource-access.ts";
import type { ResourceServerDraft, ResourceServerRecord } from "./resource-server.ts";
import { validateResourceServer } from "./resource-server-rules.ts";

const MAIL: ResourceServerDraft = {
  name: " Messagerie ",
  audience: "https://mail.lyon.fr/",
  scopes: ["mail"],
  tokenFormat: "jwt",
  jwtType: "at+jwt",
  accessTokenTtlSeconds: 300,
  enabled: true,
};

function fieldOf(draft: ResourceServerDraft): string | null {
  try {
    validateResourceServer(draft);
    return null;
  } catch (error) {
    assert.ok(error instanceof EntenteError);
    assert.equal(error.code, "identity.resource_server_invalid");
    return String(error.details.field);
  }
}

describe("validateResourceServer", () => {
  it("accepts a registration and trims its name", () => {
    assert.equal(validateResourceServer(MAIL).name, "Messagerie");
    assert.equal(fieldOf({ ...MAIL, audience: "http://127.0.0.1:18401/" }), null, "loopback http");
    assert.equal(fieldOf({ ...MAIL, tokenFormat: "opaque" }), null);
  });
  const cases: [Partial<ResourceServerDraft>, string][] = [
    [{ name: "  " }, "name"],
    [{ audience: "http://mail.lyon.fr/" }, "audience"],
    [{ audience: "https://mail.lyon.fr/?tenant=1" }, "audience"],
    [{ audience: "https://mail.lyon.fr/#x" }, "audience"],
    [{ audience: "https://*.lyon.fr/" }, "audience"],
    [{ audience: "mail.lyon.fr" }, "audience"],
    [{ scopes: [] }, "scopes"],
    [{ scopes: ["mail", "mail"] }, "scopes"],
    [{ scopes: ["openid"] }, "scopes[0]"],
    [{ scopes: ["mail", "offline_access"] }, "scopes[1]"],
    [{ scopes: ["read write"] }, "scopes[0]"],
    [{ tokenFormat: "jws" }, "tokenFormat"],
    [{ jwtType: "jwt" }, "jwtType"],
    [{ tokenFormat: "opaque", jwtType: "JWT" }, "jwtType"],
    [{ accessTokenTtlSeconds: 59 }, "accessTokenTtlSeconds"],
    [{ accessTokenTtlSeconds: 601 }, "accessTokenTtlSeconds"],
    [{ accessTokenTtlSeconds: 120.5 }, "accessTokenTtlSeconds"],
  ];
  for (const [change, field] of cases) {
    it(`${JSON.stringify(change)} → ${field}`, () => assert.equal(fieldOf({ ...MAIL, ...change }), field));
  }
});

describe("isResourceServerOpenTo", () => {
  const server: ResourceServerRecord = {
    ...validateResourceServer(MAIL),
    id: "rs_1",
    ententeId: "e1",
    rowVersion: 1,
  };
  it("opens a server to the services of its entente only, while enabled", () => {
    assert.equal(isResourceServerOpenTo(server, "e1"), true);
    assert.equal(isResourceServerOpenTo(server, "e2"), false);
    assert.equal(isResourceServerOpenTo(server, null), false);
    assert.equal(isResourceServerOpenTo({ ...server, enabled: false }, "e1"), false);
    assert.equal(isResourceServerOpenTo(null, "e1"), false);
  });
});

describe("accessTokenClaims", () => {
  const claims = { sub: "s", email: "a@lyon.fr", uid: "a", given_name: "A", role: "agent", groups: ["dsi"] };
  const byScope = { openid: ["sub"], profile: ["given_name", "uid"], email: ["email"], groups: ["groups"] };
  it("keeps the claims of the granted scopes, never sub", () => {
    assert.deepEqual(accessTokenClaims(claims, ["openid", "email"], byScope), { email: "a@lyon.fr" });
    assert.deepEqual(accessTokenClaims(claims, ["openid"], byScope), {});
    assert.deepEqual(accessTokenClaims(claims, ["openid", "profile", "groups"], byScope), {
      uid: "a",
      given_name: "A",
      groups: ["dsi"],
    });
  });
});
