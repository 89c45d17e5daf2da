import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MAX_SERVICE_URI_LENGTH, serviceUriProblem } from "./uri-rules.ts";

describe("serviceUriProblem", () => {
  const cases: readonly [string, ReturnType<typeof serviceUriProblem>][] = [
    ["https://visio.lyon.fr/callback", null],
    ["http://127.0.0.1:3001/callback", null],
    ["http://[::1]:8080/cb", null],
    ["http://localhost/cb", null],
    ["http://visio.lyon.fr/callback", "https"],
    ["ftp://visio.lyon.fr/callback", "https"],
    ["https://*.lyon.fr/callback", "wildcard"],
    ["https://visio.lyon.fr/callback#x", "fragment"],
    ["https://user:pass@visio.lyon.fr/cb", "userinfo"],
    ["https://user@visio.lyon.fr/cb", "userinfo"],
    ["/callback", "absolute"],
    ["visio.lyon.fr/callback", "absolute"],
    [" https://visio.lyon.fr/cb", "absolute"],
    ["", "absolute"],
    [`https://visio.lyon.fr/${"a".repeat(MAX_SERVICE_URI_LENGTH)}`, "absolute"],
  ];
  for (const [uri, problem] of cases) {
    it(`${JSON.stringify(uri.slice(0, 60))} → ${problem}`, () =>
      assert.equal(serviceUriProblem(uri), problem));
  }
});
