import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addressAllowed, literalRefused } from "./address-guard.ts";

describe("probe address guard", () => {
  it("refuses loopback, private, link-local, CGNAT, unique-local and mapped addresses unless allowed", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:10.0.0.1",
      "not-an-ip",
    ]) {
      assert.equal(addressAllowed(address, false), false, address);
      assert.equal(addressAllowed(address, true), true, address);
    }
    for (const address of ["193.51.24.1", "2a01:e0a::1", "::ffff:193.51.24.1"]) {
      assert.equal(addressAllowed(address, false), true, address);
    }
  });

  it("checks IP literals before connecting; names are checked at lookup", () => {
    assert.match(literalRefused("10.0.0.1", false) ?? "", /refused/);
    assert.equal(literalRefused("visio.lyon.fr", false), null);
    assert.equal(literalRefused("10.0.0.1", true), null);
  });
});
