import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { z } from "zod";
import { ApiError } from "./api-error.ts";
import { createApiClient } from "./create-api-client.ts";

/** A client whose fetch always answers `status` with a problem of `code`, counting the 401 callbacks. */
function clientAnswering(status: number, code: string) {
  let lost = 0;
  const api = createApiClient({
    fetch: async () =>
      new Response(JSON.stringify({ status, code, title: "Connexion requise" }), {
        status,
        headers: { "content-type": "application/problem+json" },
      }),
    csrfToken: () => "token",
    language: () => "fr",
    onUnauthorized: () => {
      lost++;
    },
  });
  return { api, lost: () => lost };
}

describe("api client, session lost", () => {
  it("ends the session on a 401 auth.required to a read or a write", async () => {
    const { api, lost } = clientAnswering(401, "auth.required");
    await assert.rejects(
      api.get("/api/ententes", z.unknown()),
      (e) => e instanceof ApiError && e.status === 401,
    );
    await assert.rejects(api.send("PUT", "/api/ententes/x/members/y", {}, null));
    assert.equal(lost(), 2);
  });

  it("does not for a failed sign-in (wrong password), nor for a 403", async () => {
    const signIn = clientAnswering(401, "auth.invalid_credentials");
    await assert.rejects(signIn.api.send("POST", "/api/session", { email: "a", password: "b" }, null));
    assert.equal(signIn.lost(), 0);
    const forbidden = clientAnswering(403, "auth.forbidden");
    await assert.rejects(forbidden.api.get("/api/ententes/x/audit", z.unknown()));
    assert.equal(forbidden.lost(), 0);
  });
});
