import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildTestApp } from "../../../test/helpers/build-test-app.ts";
import { REDACTED, redactQuery } from "./logger-options.ts";

describe("logs", () => {
  it("log each request with its headers, credentials redacted (Authorization, Cookie, X-Service-Auth)", async (t) => {
    const { app, logs, logText } = await buildTestApp();
    t.after(() => app.close());
    await app.inject({
      method: "GET",
      url: "/api/health",
      headers: {
        authorization: "Bearer eyJhbGciOi.SECRET-TOKEN",
        cookie: "sessionId=SECRET-SESSION; theme=dark",
        "proxy-authorization": "Basic SECRET-PROXY",
        "x-csrf-token": "SECRET-CSRF",
        "x-service-auth": "Bearer SECRET-SERVICE-KEY",
        "user-agent": "entente-test",
      },
    });
    assert.doesNotMatch(logText(), /SECRET/);
    const incoming = logs().find((line) => line.msg === "incoming request");
    const headers = (incoming?.req as { headers?: Record<string, unknown> } | undefined)?.headers;
    assert.equal(headers?.authorization, REDACTED);
    assert.equal(headers?.cookie, REDACTED);
    assert.equal(headers?.["proxy-authorization"], REDACTED);
    assert.equal(headers?.["x-csrf-token"], REDACTED);
    assert.equal(headers?.["x-service-auth"], REDACTED);
    assert.equal(headers?.["user-agent"], "entente-test", "other headers are kept");
  });

  it("redact password and secret fields of logged objects, at any of the first levels", async (t) => {
    const { app, logs, logText } = await buildTestApp({
      routes: [
        async (scope) => {
          scope.post("/api/test/sign-in", async (request) => {
            request.log.info({ body: request.body }, "sign-in attempt");
            return { ok: true };
          });
        },
      ],
    });
    t.after(() => app.close());
    await app.inject({
      method: "POST",
      url: "/api/test/sign-in",
      payload: { email: "a@lyon.fr", password: "SECRET-1", account: { newPassword: "SECRET-2" } },
    });
    assert.doesNotMatch(logText(), /SECRET/);
    const line = logs().find((entry) => entry.msg === "sign-in attempt");
    assert.deepEqual(line?.body, {
      email: "a@lyon.fr",
      password: REDACTED,
      account: { newPassword: REDACTED },
    });
  });

  it("redact the values of token-like query parameters in logged URLs", async (t) => {
    const { app, logText } = await buildTestApp();
    t.after(() => app.close());
    await app.inject({ method: "GET", url: "/api/health?code=SECRET-CODE&year=2023&access_token=SECRET-AT" });
    assert.doesNotMatch(logText(), /SECRET/);
    assert.match(logText(), /year=2023/);
  });

  it("never log an upstream callback's state, in its URL or in a later request's Referer (issue 10)", async (t) => {
    const { app, logText } = await buildTestApp();
    t.after(() => app.close());
    await app.inject({
      method: "GET",
      url: "/interaction/callback/oidc/s-1?code=SECRET-C&state=SECRET-STATE&iss=x",
    });
    await app.inject({
      method: "GET",
      url: "/api/health",
      headers: { referer: "https://entente.test/interaction/callback/oidc/s-1?state=SECRET-REFERER" },
    });
    assert.doesNotMatch(logText(), /SECRET/);
    assert.match(logText(), /iss=x/);
    assert.match(
      logText(),
      /"referer":"https:\/\/entente.test\/interaction\/callback\/oidc\/s-1\?state=\[redacted\]"/,
    );
  });

  it("write nothing below the configured level", async (t) => {
    const { app, logText } = await buildTestApp({ env: { LOG_LEVEL: "warn" } });
    t.after(() => app.close());
    await app.inject({ method: "GET", url: "/api/health" });
    assert.equal(logText(), "");
  });
});

describe("redactQuery", () => {
  const CASES: [string, string][] = [
    ["/api/health", "/api/health"],
    ["/a?year=2023", "/a?year=2023"],
    ["/cb?code=abc&state=xyz", `/cb?code=${REDACTED}&state=${REDACTED}`],
    [
      "/cb?RelayState=r&nonce=n&login_hint=a%40b.fr&lang=fr",
      `/cb?RelayState=${REDACTED}&nonce=${REDACTED}&login_hint=${REDACTED}&lang=fr`,
    ],
    ["/x?id_token=a&refresh%5Ftoken=b", `/x?id_token=${REDACTED}&refresh%5Ftoken=${REDACTED}`],
    ["/saml?SAMLResponse=PHNh", `/saml?SAMLResponse=${REDACTED}`],
    ["/x?password", `/x?password=${REDACTED}`],
    ["/x?%E0=1", "/x?%E0=1"],
  ];
  for (const [url, expected] of CASES) {
    it(`${url} → ${expected}`, () => assert.equal(redactQuery(url), expected));
  }
});
