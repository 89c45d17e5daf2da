import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import { buildTestApp, createFixedClock } from "../../../test/helpers/build-test-app.ts";
import { type RouteRegistrar, withoutConsoleSession } from "./app-deps.ts";
import { API_DOCS_PATH, OPENAPI_PATH } from "./build-app.ts";

describe("buildApp", () => {
  it("GET /api/health answers ok, the version and the whole seconds since the app was built", async (t) => {
    const clock = createFixedClock();
    const { app } = await buildTestApp({ now: clock.now, version: "4.5.6" });
    t.after(() => app.close());
    clock.advance(61_999);
    const response = await app.inject({ method: "GET", url: "/api/health" });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers["content-type"]), /^application\/json/);
    assert.deepEqual(response.json(), { status: "ok", version: "4.5.6", uptimeSeconds: 61 });
  });

  it(`serves a valid OpenAPI 3.1 document at ${OPENAPI_PATH} listing the health and registered routes`, async (t) => {
    const { app } = await buildTestApp({
      routes: [
        async (scope) => {
          scope.post(
            "/api/widgets",
            {
              schema: {
                body: z.object({ name: z.string().describe("Name of the widget") }),
                response: { 201: z.object({ id: z.string() }) },
              },
            },
            async (_request, reply) => reply.code(201).send({ id: "w1" }),
          );
        },
      ],
    });
    t.after(() => app.close());
    const response = await app.inject({ method: "GET", url: OPENAPI_PATH });
    assert.equal(response.statusCode, 200);
    const document = JSON.parse(response.body);
    assert.equal(document.openapi, "3.1.0");
    assert.equal(document.info.title, "Entente API");
    assert.equal(document.info.version, "1.2.3-test");
    assert.deepEqual(Object.keys(document.paths).sort(), ["/api/health", "/api/widgets"]);
    const health = document.paths["/api/health"].get.responses["200"].content["application/json"].schema;
    assert.deepEqual(health.required, ["status", "version", "uptimeSeconds"]);
    const body = document.paths["/api/widgets"].post.requestBody.content["application/json"].schema;
    assert.equal(body.properties.name.description, "Name of the widget");
  });

  it("keeps its own pages (Swagger UI, the document) out of the document", async (t) => {
    const { app } = await buildTestApp();
    t.after(() => app.close());
    const document = (await app.inject({ method: "GET", url: OPENAPI_PATH })).json();
    assert.ok(!Object.keys(document.paths).some((path) => path.startsWith(API_DOCS_PATH)));
    assert.ok(!(OPENAPI_PATH in document.paths));
  });

  it(`serves Swagger UI at ${API_DOCS_PATH}`, async (t) => {
    const { app } = await buildTestApp();
    t.after(() => app.close());
    const page = await app.inject({ method: "GET", url: `${API_DOCS_PATH}/` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<div id="swagger-ui">/);
    assert.doesNotMatch(page.body, /<script>/, "no inline script: the CSP forbids them");
  });

  it("sends security headers, a CSP fit for a same-origin Vite app among them", async (t) => {
    const { app } = await buildTestApp();
    t.after(() => app.close());
    for (const url of ["/api/health", "/no/such/page"]) {
      const { headers } = await app.inject({ method: "GET", url });
      const csp = String(headers["content-security-policy"]);
      assert.match(csp, /default-src 'self'/, url);
      assert.match(csp, /script-src 'self'(;|$)/, `${url}: scripts from the same origin only, none inline`);
      assert.match(csp, /object-src 'none'/, url);
      assert.match(csp, /frame-ancestors 'none'/, url);
      assert.doesNotMatch(csp, /unsafe-eval/, url);
      assert.doesNotMatch(csp, /upgrade-insecure-requests/, `${url}: not outside production`);
      assert.equal(headers["x-content-type-options"], "nosniff", url);
      assert.equal(headers["x-frame-options"], "DENY", url);
      assert.equal(headers["referrer-policy"], "no-referrer", url);
      assert.match(String(headers["strict-transport-security"]), /max-age=\d+/, url);
      assert.equal(headers["x-powered-by"], undefined, url);
    }
  });

  it("lets the sign-in pages and the OpenID Provider post forms to other sites, nothing else", async (t) => {
    const { app } = await buildTestApp();
    t.after(() => app.close());
    const formAction = async (url: string) =>
      /form-action ([^;]*)/.exec(
        String((await app.inject({ method: "GET", url })).headers["content-security-policy"]),
      )?.[1];
    for (const url of ["/interaction/abc", "/oidc/auth?client_id=x", "/oidc"])
      assert.equal(await formAction(url), "'self' http: https:", url);
    for (const url of ["/api/health", "/interactions", "/oidcx", "/portal/lyon/", "/api/interaction"])
      assert.equal(await formAction(url), "'self'", url);
  });

  it("asks browsers to upgrade insecure requests in production", async (t) => {
    const { app } = await buildTestApp({
      env: { NODE_ENV: "production", SESSION_SECRET: "p".repeat(32) },
    });
    t.after(() => app.close());
    const { headers } = await app.inject({ method: "GET", url: "/api/health" });
    assert.match(String(headers["content-security-policy"]), /upgrade-insecure-requests/);
  });

  it("gives every request an id, keeps a well-formed X-Request-Id and answers it", async (t) => {
    const { app, logs } = await buildTestApp();
    t.after(() => app.close());
    const generated = await app.inject({ method: "GET", url: "/api/health" });
    assert.equal(generated.headers["x-request-id"], "req-1");
    const forwarded = await app.inject({
      method: "GET",
      url: "/api/health",
      headers: { "x-request-id": "lb-7f3a.42" },
    });
    assert.equal(forwarded.headers["x-request-id"], "lb-7f3a.42");
    const malformed = await app.inject({
      method: "GET",
      url: "/api/health",
      headers: { "x-request-id": "a b\u001b[31m" },
    });
    assert.equal(malformed.headers["x-request-id"], "req-2");
    const ids = logs().map((line) => line.reqId);
    assert.ok(ids.includes("lb-7f3a.42") && ids.includes("req-2"), JSON.stringify(ids));
  });

  it("registers the routes of registerRoutes in their own scope, in order", async (t) => {
    const order: string[] = [];
    const { app } = await buildTestApp({
      routes: [
        async (scope) => {
          order.push("first");
          scope.decorateRequest("scoped", "first");
          scope.get("/api/first", async (request) => ({
            scoped: (request as unknown as { scoped: string }).scoped,
          }));
        },
        async (scope) => {
          order.push("second");
          scope.get("/api/second", async (request) => ({ scoped: "scoped" in request }));
        },
      ],
    });
    t.after(() => app.close());
    assert.deepEqual(order, ["first", "second"]);
    assert.deepEqual((await app.inject({ method: "GET", url: "/api/first" })).json(), { scoped: "first" });
    assert.deepEqual((await app.inject({ method: "GET", url: "/api/second" })).json(), { scoped: false });
  });

  it("runs the plugins' hooks for the console's routes only, not for routes marked withoutConsoleSession", async (t) => {
    const seen: string[] = [];
    const route = (path: string) => async (scope: Parameters<RouteRegistrar>[0]) => {
      scope.get(path, async (request) => ({ consoleOnly: "consoleOnly" in request }));
    };
    const { app } = await buildTestApp({
      plugins: [
        async (scope) => {
          scope.decorateRequest("consoleOnly", null);
          scope.addHook("onRequest", async (request) => {
            seen.push(request.url);
          });
        },
      ],
      routes: [route("/api/console"), withoutConsoleSession(route("/api/machine"))],
    });
    t.after(() => app.close());
    assert.deepEqual((await app.inject({ method: "GET", url: "/api/console" })).json(), {
      consoleOnly: true,
    });
    assert.deepEqual((await app.inject({ method: "GET", url: "/api/machine" })).json(), {
      consoleOnly: false,
    });
    const health = await app.inject({ method: "GET", url: "/api/health" });
    assert.equal(health.statusCode, 200);
    assert.deepEqual(seen, ["/api/console"], "the health check and the machine's route run no console hook");
    // Both scopes keep the root's security headers and error handling.
    assert.equal(health.headers["x-frame-options"], "DENY");
    assert.match(String(health.headers["content-security-policy"]), /default-src 'self'/);
    const missing = await app.inject({ method: "GET", url: "/api/nowhere" });
    assert.equal(missing.statusCode, 404);
    assert.match(String(missing.headers["content-type"]), /problem\+json/);
  });

  describe("one trusted-proxy rule (TRUSTED_PROXIES)", () => {
    const echo = async (scope: Parameters<RouteRegistrar>[0]) => {
      scope.get("/api/echo", async (request) => ({
        ip: request.ip,
        protocol: request.protocol,
        host: request.host,
        rawFor: request.raw.headers["x-forwarded-for"],
        rawProto: request.raw.headers["x-forwarded-proto"],
      }));
    };
    const forwarded = {
      "x-forwarded-for": "198.51.100.9, 203.0.113.7",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "entente.example.org",
      host: "node-1:3000",
    };
    const CASES = [
      {
        name: "unset: forwarded headers ignored, even from loopback",
        env: {},
        socket: "127.0.0.1",
        expected: { ip: "127.0.0.1", protocol: "http", host: "node-1:3000" },
      },
      {
        name: "from a trusted proxy: the nearest untrusted address, the proxy's protocol and host",
        env: { TRUSTED_PROXIES: "10.0.0.0/8" },
        socket: "10.1.2.3",
        expected: { ip: "203.0.113.7", protocol: "https", host: "entente.example.org" },
      },
      {
        name: "from an untrusted address: the socket's, whatever it forwards",
        env: { TRUSTED_PROXIES: "10.0.0.0/8" },
        socket: "192.0.2.66",
        expected: { ip: "192.0.2.66", protocol: "http", host: "node-1:3000" },
      },
    ];
    for (const { name, env, socket, expected } of CASES) {
      it(`${name}; raw headers rewritten to match (oidc-provider reads them)`, async (t) => {
        const { app } = await buildTestApp({ env, routes: [echo] });
        t.after(() => app.close());
        const response = await app.inject({ url: "/api/echo", remoteAddress: socket, headers: forwarded });
        assert.deepEqual(response.json(), {
          ...expected,
          rawFor: expected.ip,
          rawProto: expected.protocol,
        });
      });
    }
  });
});
