import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createTtlCache } from "./ttl-cache.ts";

describe("createTtlCache", () => {
  it("answers from the cache within the TTL, loads again after it, forgets failures", async () => {
    let now = 0;
    let loads = 0;
    const cache = createTtlCache<number>({ ttlMs: 5000, maxEntries: 2, now: () => now });
    const load = async () => ++loads;
    assert.equal(await cache.get("a", load), 1);
    now = 4999;
    assert.equal(await cache.get("a", load), 1);
    now = 5000;
    assert.equal(await cache.get("a", load), 2);
    await assert.rejects(cache.get("b", () => Promise.reject(new Error("down"))));
    assert.equal(await cache.get("b", load), 3, "a failed load is not kept");
  });

  it("drops everything beyond maxEntries, so varied keys cannot grow memory", async () => {
    let loads = 0;
    const cache = createTtlCache<number>({ ttlMs: 5000, maxEntries: 2, now: () => 0 });
    const load = async () => ++loads;
    await cache.get("a", load);
    await cache.get("b", load);
    await cache.get("c", load); // clears a and b
    assert.equal(await cache.get("a", load), 4);
  });
});
