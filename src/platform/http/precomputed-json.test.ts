import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isResponseSerializationError, serializerCompiler } from "fastify-type-provider-zod";
import { z } from "zod";
import { createJsonMemo, precomputeJson } from "./precomputed-json.ts";

const Answer = z.object({ id: z.string(), count: z.number().int(), tags: z.array(z.string()) });
const route = { method: "GET", url: "/t" };

describe("precomputeJson: a response body checked and written once", () => {
  it("writes what the routes' serializer writes (unknown keys dropped)", () => {
    const data = { id: "a", count: 2, tags: ["x"], secret: "not in the schema" };
    const serializer = serializerCompiler({ schema: Answer, method: "GET", url: "/t", httpStatus: "200" });
    assert.equal(precomputeJson(Answer, data, route), serializer(data));
    assert.equal(precomputeJson(Answer, data, route), '{"id":"a","count":2,"tags":["x"]}');
  });

  it("refuses data that does not match, as the serializer does", () => {
    assert.throws(
      () => precomputeJson(Answer, { id: "a", count: 1.5, tags: [] }, route),
      (error: unknown) => isResponseSerializationError(error),
    );
  });

  it("createJsonMemo: equal answers share one text, a different one gets its own", () => {
    const text = createJsonMemo(Answer, route, 2);
    const first = text({ id: "a", count: 1, tags: [] });
    assert.equal(text({ id: "a", count: 1, tags: [] }), first);
    assert.equal(text({ id: "b", count: 1, tags: [] }), '{"id":"b","count":1,"tags":[]}');
    assert.equal(text({ id: "c", count: 3, tags: ["z"] }), '{"id":"c","count":3,"tags":["z"]}');
    assert.throws(() => text({ id: "d", count: -0.5, tags: [] }));
  });
});
