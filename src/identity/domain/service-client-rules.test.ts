import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { EntenteError } from "../errors.ts";
import type { ServiceClientDraft } from "./service-client.ts";
import { checkServiceUri, validateServiceClient } from "./service-client-rules.ts";

const ACR = { acrValues: ["urn:entente:acr:1fa", "urn:entente:acr:2fa"] };

const base: ServiceClientDraft = {
  name: "  Nextcloud  ",
  redirectUris: ["https://cloud.example.fr/apps/oidc/callback"],
  postLogoutRedirectUris: ["https://cloud.example.fr/"],
  backchannelLogoutUri: "https://cloud.example.fr/apps/oidc/backchannel",
  grantTypes: ["authorization_code", "refresh_token"],
  tokenEndpointAuthMethod: "client_secret_basic",
  scopes: ["openid", "profile", "email", "offline_access"],
  policy: { memberIds: null, roles: ["agent"], groups: null },
  requiredAcr: null,
};

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof EntenteError, String(error));
    assert.equal(error.code, "identity.client_invalid");
    return String(error.details.field);
  }
  assert.fail("expected identity.client_invalid");
}

describe("checkServiceUri", () => {
  for (const uri of [
    "https://app.example.fr/cb",
    "https://app.example.fr:8443/cb?tenant=a",
    "http://127.0.0.1:8080/cb",
    "http://[::1]:8080/cb",
    "http://localhost/cb",
  ]) {
    it(`accepts ${uri}`, () => checkServiceUri("redirectUris[0]", uri));
  }
  for (const [uri, why] of [
    ["http://app.example.fr/cb", "http off loopback"],
    ["http://127.0.0.1.evil.fr/cb", "loopback-looking host"],
    ["https://app.example.fr/cb#frag", "fragment"],
    ["https://*.example.fr/cb", "wildcard host"],
    ["https://app.example.fr/*", "wildcard path"],
    ["https://user:pw@app.example.fr/cb", "userinfo"],
    ["https://app.example.fr@evil.fr/cb", "userinfo trick"],
    ["/cb", "relative"],
    ["app.example.fr/cb", "no scheme"],
    ["javascript:alert(1)", "javascript"],
    ["", "empty"],
    [" https://app.example.fr/cb", "leading space"],
  ] as const) {
    it(`refuses ${why}: ${uri}`, () =>
      assert.equal(
        fieldOf(() => checkServiceUri("redirectUris[0]", uri)),
        "redirectUris[0]",
      ));
  }
});

describe("validateServiceClient", () => {
  it("accepts a coherent confidential client and trims the name", () => {
    assert.equal(validateServiceClient(base, ACR).name, "Nextcloud");
  });

  it("accepts a service-to-service client without redirect URIs", () => {
    const m2m = {
      ...base,
      redirectUris: [],
      postLogoutRedirectUris: [],
      backchannelLogoutUri: null,
      grantTypes: ["client_credentials"],
      scopes: [],
    };
    assert.deepEqual(validateServiceClient(m2m, ACR).grantTypes, ["client_credentials"]);
  });

  const cases: [string, Partial<ServiceClientDraft>, string][] = [
    ["empty name", { name: "   " }, "name"],
    ["long name", { name: "x".repeat(101) }, "name"],
    [
      "public client with client_credentials",
      { tokenEndpointAuthMethod: "none", grantTypes: ["authorization_code", "client_credentials"] },
      "grantTypes",
    ],
    ["unknown grant", { grantTypes: ["password"] }, "grantTypes"],
    ["no grant", { grantTypes: [] }, "grantTypes"],
    [
      "refresh without code",
      { grantTypes: ["client_credentials", "refresh_token"], scopes: [] },
      "grantTypes",
    ],
    ["offline_access without refresh", { grantTypes: ["authorization_code"] }, "scopes"],
    ["unknown scope", { scopes: ["openid", "admin"] }, "scopes"],
    ["duplicate scope", { scopes: ["openid", "openid"], grantTypes: ["authorization_code"] }, "scopes"],
    ["sign-in without openid", { scopes: ["profile"], grantTypes: ["authorization_code"] }, "scopes"],
    ["sign-in without redirect", { redirectUris: [] }, "redirectUris"],
    ["duplicate redirect", { redirectUris: ["https://a.fr/cb", "https://a.fr/cb"] }, "redirectUris"],
    ["bad post-logout", { postLogoutRedirectUris: ["http://a.fr/"] }, "postLogoutRedirectUris[0]"],
    ["bad backchannel", { backchannelLogoutUri: "https://a.fr/bc#x" }, "backchannelLogoutUri"],
    ["unknown auth method", { tokenEndpointAuthMethod: "private_key_jwt" }, "tokenEndpointAuthMethod"],
    ["unknown role", { policy: { memberIds: null, roles: ["boss"], groups: null } }, "policy.roles"],
    ["empty member list", { policy: { memberIds: [], roles: null, groups: null } }, "policy.memberIds"],
    ["unknown acr", { requiredAcr: "urn:other" }, "requiredAcr"],
  ];
  for (const [why, change, field] of cases) {
    it(`refuses ${why} (field ${field})`, () =>
      assert.equal(
        fieldOf(() => validateServiceClient({ ...base, ...change }, ACR)),
        field,
      ));
  }
});
