import assert from "node:assert/strict";
// Codes of the finance context thrown through the error handler below.
import "../../finance/errors.ts";
import { describe, it } from "node:test";
import { z } from "zod";
import { buildTestApp } from "../../../test/helpers/build-test-app.ts";
import { Problem } from "../../shared/problem.ts";
import { EntenteError, formatMessage, ValidationError } from "../errors.ts";
import type { RouteRegistrar } from "./app-deps.ts";

const PROBLEM_JSON = /^application\/problem\+json; charset=utf-8$/;

/** Routes that fail in every way the error handler knows. */
const failingRoutes: RouteRegistrar = async (app) => {
  app.post(
    "/api/test/members",
    {
      schema: {
        body: z
          .object({
            name: z.string().min(2),
            population: z.number().int(),
            siren: z.string().regex(/^\d{9}$/, { message: "SIREN à 9 chiffres" }),
          })
          .strict(),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (_request, reply) => reply.code(201).send({ id: "m1" }),
  );
  app.get(
    "/api/test/exercises/:year",
    { schema: { params: z.object({ year: z.coerce.number().int().min(1900) }) } },
    async (request) => {
      throw new EntenteError("exercise.not_found", { year: request.params.year, known: "2022, 2023" });
    },
  );
  app.get("/api/test/stale", async () => {
    throw new EntenteError(
      "conflict.stale_version",
      { what: "le budget 2023", expected: 3, actual: 4 },
      { path: ["budget", "rowVersion"] },
    );
  });
  app.post("/api/test/entente", async () => {
    throw new ValidationError([
      {
        code: "key.shares_not_100",
        path: ["keys", 0, "shares"],
        details: { key: "socle", sum: "99,9", difference: "0,1" },
      },
      {
        code: "amount.negative",
        path: ["exercises", 1, "expenses", 3, "investissement"],
        details: { value: "-5" },
      },
    ]);
  });
  app.get("/api/test/database-down", async () => {
    throw new EntenteError("db.unavailable", { reason: "connect ECONNREFUSED 10.0.0.5:5432" });
  });
  app.get("/api/test/bug", async () => {
    throw new Error('pg: relation "secret_table" does not exist');
  });
  app.get(
    "/api/test/wrong-shape",
    { schema: { response: { 200: z.object({ total: z.string() }) } } },
    async () => {
      // A bug the response schema catches: the total went out as a number.
      return { total: 305797 } as unknown as { total: string };
    },
  );
};

async function setUp(t: { after: (fn: () => Promise<unknown>) => void }) {
  const built = await buildTestApp({ routes: [failingRoutes] });
  t.after(() => built.app.close());
  return built;
}

/** The problem+json body of a response, checked against its zod contract. */
function problemOf(response: { headers: Record<string, unknown>; body: string }): Problem {
  assert.match(String(response.headers["content-type"]), PROBLEM_JSON);
  return Problem.parse(JSON.parse(response.body));
}

describe("error handler: every error answers application/problem+json", () => {
  it("an unknown route → 404 route.not_found", async (t) => {
    const { app } = await setUp(t);
    const response = await app.inject({ method: "GET", url: "/api/nothing-here?year=2023" });
    assert.equal(response.statusCode, 404);
    assert.deepEqual(problemOf(response), {
      type: "urn:entente:error:route.not_found",
      title: "Introuvable",
      status: 404,
      detail: "aucune adresse GET /api/nothing-here ici. Les adresses de l'API sont décrites sur /api/docs.",
      instance: "/api/nothing-here",
      code: "route.not_found",
      errors: [],
    });
  });

  it("a body that fails its zod schema → 400 request.invalid naming each field, in French by default", async (t) => {
    const { app } = await setUp(t);
    const response = await app.inject({
      method: "POST",
      url: "/api/test/members",
      payload: { name: "L", population: "522969", siren: "21690123", nmae: "Lyon" },
    });
    assert.equal(response.statusCode, 400);
    const problem = problemOf(response);
    assert.equal(problem.code, "request.invalid");
    assert.equal(problem.title, "Requête invalide");
    assert.equal(response.headers["content-language"], "fr");
    assert.match(problem.detail, /4 problème\(s\)/);
    assert.deepEqual(problem.errors, [
      {
        code: "request.invalid_field",
        field: "body.name",
        message: "body.name : Trop petit : chaîne de caractères doit avoir >=2 caractères",
      },
      {
        code: "request.invalid_field",
        field: "body.population",
        message: "body.population : Entrée invalide : nombre attendu, chaîne de caractères reçu",
      },
      { code: "request.invalid_field", field: "body.siren", message: "body.siren : SIREN à 9 chiffres" },
      {
        code: "request.unknown_field",
        field: "body.nmae",
        message: "body.nmae : champ inconnu ici. Corrigez son nom ou retirez-le.",
      },
    ]);
  });

  it("the same in English with Accept-Language: en (a schema's own message stays as written)", async (t) => {
    const { app } = await setUp(t);
    const response = await app.inject({
      method: "POST",
      url: "/api/test/members",
      headers: { "accept-language": "en-GB,en;q=0.9" },
      payload: { name: "L", population: 1, siren: "x" },
    });
    assert.equal(response.statusCode, 400);
    const problem = problemOf(response);
    assert.equal(problem.title, "Bad Request");
    assert.equal(response.headers["content-language"], "en");
    assert.deepEqual(
      problem.errors.map((error) => error.message),
      ["body.name: Too small: expected string to have >=2 characters", "body.siren: SIREN à 9 chiffres"],
    );
  });

  it("bad route parameters → 400 naming params.<name>", async (t) => {
    const { app } = await setUp(t);
    const problem = problemOf(await app.inject({ method: "GET", url: "/api/test/exercises/1066" }));
    assert.equal(problem.status, 400);
    assert.deepEqual(
      problem.errors.map((error) => error.field),
      ["params.year"],
    );
  });

  it("a body that is not JSON → 400 request.rejected", async (t) => {
    const { app } = await setUp(t);
    const response = await app.inject({
      method: "POST",
      url: "/api/test/members",
      headers: { "content-type": "application/json" },
      payload: "{ name: ",
    });
    assert.equal(response.statusCode, 400);
    const problem = problemOf(response);
    assert.equal(problem.code, "request.rejected");
    assert.match(problem.detail, /^requête refusée : .*JSON/);
  });

  it("an unsupported media type → 415 request.rejected", async (t) => {
    const { app } = await setUp(t);
    const response = await app.inject({
      method: "POST",
      url: "/api/test/members",
      headers: { "content-type": "application/x-yaml" },
      payload: "name: Lyon",
    });
    assert.equal(response.statusCode, 415);
    assert.equal(problemOf(response).code, "request.rejected");
  });

  it("EntenteError exercise.not_found → 404 with its code and the catalog's message", async (t) => {
    const { app } = await setUp(t);
    const response = await app.inject({ method: "GET", url: "/api/test/exercises/2030" });
    assert.equal(response.statusCode, 404);
    assert.deepEqual(problemOf(response), {
      type: "urn:entente:error:exercise.not_found",
      title: "Introuvable",
      status: 404,
      detail: formatMessage("exercise.not_found", { year: 2030, known: "2022, 2023" }, "fr"),
      instance: "/api/test/exercises/2030",
      code: "exercise.not_found",
      errors: [],
    });
  });

  it("an EntenteError with a path names it as the field", async (t) => {
    const { app } = await setUp(t);
    const response = await app.inject({
      method: "GET",
      url: "/api/test/stale",
      headers: { "accept-language": "en" },
    });
    assert.equal(response.statusCode, 409);
    const problem = problemOf(response);
    assert.equal(problem.code, "conflict.stale_version");
    assert.deepEqual(problem.errors, [
      { code: "conflict.stale_version", field: "budget.rowVersion", message: problem.detail },
    ]);
    assert.match(problem.detail, /^le budget 2023 was changed by someone else/);
  });

  it("ValidationError → 422 request.unprocessable with every issue", async (t) => {
    const { app } = await setUp(t);
    const response = await app.inject({ method: "POST", url: "/api/test/entente" });
    assert.equal(response.statusCode, 422);
    const problem = problemOf(response);
    assert.equal(problem.code, "request.unprocessable");
    assert.equal(problem.title, "Données non traitables");
    assert.match(problem.detail, /^2 problème\(s\)/);
    assert.deepEqual(problem.errors, [
      {
        code: "key.shares_not_100",
        field: "keys[0].shares",
        message: formatMessage("key.shares_not_100", { key: "socle", sum: "99,9", difference: "0,1" }, "fr"),
      },
      {
        code: "amount.negative",
        field: "exercises[1].expenses[3].investissement",
        message: formatMessage("amount.negative", { value: "-5" }, "fr"),
      },
    ]);
  });

  it("a plain Error → 500 server.internal with the request id, nothing of the error; logged with its stack", async (t) => {
    const { app, logs } = await setUp(t);
    const response = await app.inject({ method: "GET", url: "/api/test/bug" });
    assert.equal(response.statusCode, 500);
    const problem = problemOf(response);
    assert.equal(problem.code, "server.internal");
    assert.equal(problem.title, "Erreur interne");
    const requestId = String(response.headers["x-request-id"]);
    assert.match(problem.detail, new RegExp(`identifiant de requête ${requestId}\\.`));
    assert.doesNotMatch(response.body, /secret_table|pg:|at |Error/);
    const logged = logs().find((line) => line.level === 50);
    const err = logged?.err as { message?: string; stack?: string } | undefined;
    assert.equal(logged?.reqId, requestId);
    assert.match(String(err?.message), /secret_table/);
    assert.match(String(err?.stack), /error-handler\.test\.ts/);
  });

  it("an EntenteError of a 5xx status keeps its code but shows none of its details", async (t) => {
    const { app, logText } = await setUp(t);
    const response = await app.inject({ method: "GET", url: "/api/test/database-down" });
    assert.equal(response.statusCode, 503);
    const problem = problemOf(response);
    assert.equal(problem.code, "db.unavailable");
    assert.equal(problem.title, "Service indisponible");
    assert.doesNotMatch(response.body, /ECONNREFUSED|10\.0\.0\.5/);
    assert.match(logText(), /ECONNREFUSED 10\.0\.0\.5/);
  });

  it("response validation: a reply of the wrong shape → 500, the mismatch logged, not sent", async (t) => {
    const { app, logs } = await setUp(t);
    const response = await app.inject({ method: "GET", url: "/api/test/wrong-shape" });
    assert.equal(response.statusCode, 500);
    const problem = problemOf(response);
    assert.equal(problem.code, "server.internal");
    assert.doesNotMatch(response.body, /305797|total/);
    const logged = logs().find((line) => line.level === 50);
    assert.match(JSON.stringify(logged?.err), /FST_ERR_RESPONSE_SERIALIZATION/);
    assert.match(JSON.stringify(logged?.err), /expected string, received number/);
  });

  it("a valid request still succeeds (the handlers above are not always on)", async (t) => {
    const { app } = await setUp(t);
    const response = await app.inject({
      method: "POST",
      url: "/api/test/members",
      payload: { name: "Lyon", population: 522969, siren: "216901231" },
    });
    assert.equal(response.statusCode, 201);
    assert.deepEqual(response.json(), { id: "m1" });
  });

  it("logs client errors at info with their code, without a stack", async (t) => {
    const { app, logs } = await setUp(t);
    await app.inject({ method: "GET", url: "/api/test/exercises/2030" });
    const line = logs().find((entry) => entry.code === "exercise.not_found");
    assert.equal(line?.level, 30);
    assert.equal(line?.status, 404);
    assert.equal(line?.err, undefined);
  });
});
