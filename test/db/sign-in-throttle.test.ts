import assert from "node:assert/strict";
import { it } from "node:test";
import { DEFAULT_THROTTLE_LIMITS as LIMITS } from "../../src/access/domain/sign-in-throttle-rule.ts";
import {
  createLoginFailureStore,
  createLoginThrottle,
  type ThrottleSubject,
} from "../../src/access/index.ts";
import { describeOnDatabases } from "../helpers/databases.ts";

const T0 = new Date("2026-03-02T09:00:10Z");
const plus = (d: Date, seconds: number) => new Date(d.getTime() + seconds * 1000);
const ATTACKER = "203.0.113.66";
const VICTIM = "198.51.100.20";

// The sign-in throttle of the whole server (console, federation local and LDAP sources, second
// factors), on the shared table every node uses: no client can turn it against others.
describeOnDatabases("sign-in throttle", (get) => {
  const throttleOn = () => createLoginThrottle(createLoginFailureStore(get().db));
  const fail = async (subject: ThrottleSubject, times: number, at = T0) => {
    const throttle = throttleOn();
    for (let i = 0; i < times; i++) await throttle.recordFailure(subject, at);
  };

  it("per login and address: 5 failures in 15 minutes, shared by every node, login normalised", async () => {
    const subject = { scope: "ldap-metropole", login: "Jean.Martin", ip: ATTACKER };
    const [node1, node2] = [throttleOn(), throttleOn()];
    for (let i = 0; i < 4; i++) await node1.recordFailure(subject, plus(T0, i * 60));
    assert.equal(await node2.secondsToWait({ ...subject, login: " jean.martin " }, plus(T0, 300)), 0);
    await node2.recordFailure(subject, plus(T0, 300));
    // the oldest failure (T0) leaves the window at T0 + 15 min
    assert.equal(await node1.secondsToWait(subject, plus(T0, 301)), 15 * 60 - 301);
    assert.equal(
      await node1.secondsToWait({ ...subject, scope: "ldap-ville" }, plus(T0, 301)),
      0,
      "per source",
    );
    assert.equal(await node1.secondsToWait({ ...subject, ip: VICTIM }, plus(T0, 301)), 0, "other address");
    assert.equal(await node1.secondsToWait(subject, plus(T0, 15 * 60 + 1)), 0, "window passed");
    await node1.recordSuccess(subject, plus(T0, 302));
    assert.equal(await node1.secondsToWait(subject, plus(T0, 303)), 0, "a success forgets them");
    const rows = await get().db.selectFrom("login_failure").select("key").execute();
    assert.ok(
      rows.every((r: { key: string }) => !r.key.includes("jean") && !r.key.includes("203.0")),
      "no login or address in clear",
    );
  });

  it("per address: 50 failures on any logins block that address only", async () => {
    const throttle = throttleOn();
    for (let i = 0; i < LIMITS.perAddress; i++)
      await throttle.recordFailure({ scope: "s", login: `user${i}`, ip: ATTACKER }, T0);
    assert.ok((await throttle.secondsToWait({ scope: "s", login: "fresh", ip: ATTACKER }, plus(T0, 1))) > 0);
    assert.equal(await throttle.secondsToWait({ scope: "s", login: "fresh", ip: VICTIM }, plus(T0, 1)), 0);
  });

  for (const login of ["known-person", "nobody-at-all"]) {
    it(`soft limit per login (${login}): attacked from many addresses, new addresses wait, known ones pass`, async () => {
      const throttle = throttleOn();
      const subject = (ip: string) => ({ scope: "console", login, ip });
      // The person signed in from their office the day before (an unknown login never did).
      if (login === "known-person") await throttle.recordSuccess(subject(VICTIM), plus(T0, -86400));
      for (let i = 0; i < LIMITS.perLoginSoft; i++) await fail(subject(`192.0.2.${i + 1}`), 1);
      const fresh = await throttle.secondsToWait(subject("192.0.2.200"), plus(T0, 1));
      assert.equal(fresh, LIMITS.windowSeconds - 1, "a new address waits");
      assert.equal(
        await throttle.secondsToWait(subject(VICTIM), plus(T0, 1)),
        login === "known-person" ? 0 : LIMITS.windowSeconds - 1,
        "the person's own address passes; an unknown login has none",
      );
    });
  }

  it("a known address stays known for 30 days, then counts as new again", async () => {
    const throttle = throttleOn();
    const subject = (ip: string) => ({ scope: "console", login: "ancienne", ip });
    await throttle.recordSuccess(subject(VICTIM), plus(T0, -(LIMITS.knownAddressDays * 86400 + 60)));
    for (let i = 0; i < LIMITS.perLoginSoft; i++) await fail(subject(`192.0.2.${i + 1}`), 1);
    assert.ok((await throttle.secondsToWait(subject(VICTIM), plus(T0, 1))) > 0);
  });
});
