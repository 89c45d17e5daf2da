import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { generate } from "otplib";
import type { SignInStep } from "../../src/identity/app/sign-in/sign-in-step.ts";
import { ACR_ONE_FACTOR, ACR_TWO_FACTORS } from "../../src/identity/domain/authentication-level.ts";
import { EntenteError } from "../../src/shared/errors.ts";
import { context, createWorld, PUBLIC_URL } from "./sign-in-fakes.ts";

const rejectsWith = (promise: Promise<unknown>, code: string) =>
  assert.rejects(promise, (error: unknown) => error instanceof EntenteError && error.code === code);

function finished(step: SignInStep) {
  assert.equal(step.kind, "finish", JSON.stringify(step));
  if (step.kind !== "finish") throw new Error("not finished");
  return step.result;
}

describe("sign-in flow: email and organisation routing", () => {
  it("an unknown domain is refused with identity.domain_unknown and the page offers the organisation list", async () => {
    const w = createWorld();
    const ctx = context("i1");
    const start = await w.flow.begin(ctx);
    assert.equal(start.kind, "ask-email");
    if (start.kind === "ask-email")
      assert.deepEqual(
        start.organisations.map((o) => o.memberId),
        ["metropole", "ville", "sitiv", "sitiv"],
      );
    await rejectsWith(w.flow.submitEmail(ctx, "someone@unknown.example"), "identity.domain_unknown");
    await rejectsWith(w.flow.submitEmail(ctx, "not an email"), "identity.email_invalid");
  });

  it("an organisation chosen from the list leads to its source; an unlisted source is refused", async () => {
    const w = createWorld();
    const ctx = context("i2");
    await w.flow.begin(ctx);
    await rejectsWith(w.flow.submitOrganisation(ctx, "nope"), "identity.source_not_found");
    // Another entente's source is not on the list of this service's entente, and cannot be picked.
    await rejectsWith(w.flow.submitOrganisation(ctx, "ldap-autre"), "identity.source_not_found");
    assert.deepEqual(await w.flow.submitOrganisation(ctx, "ldap-ville"), { kind: "password" });
    assert.deepEqual(await w.flow.passwordPage(ctx), { sourceLabel: "Annuaire de la Ville", login: null });
    const result = finished(await w.flow.submitPassword(ctx, "jean.martin", "secret-password"));
    assert.equal(result.memberId, "ville");
  });

  it("an élu's registered personal address routes to their member's source and forces the role elu", async () => {
    const w = createWorld();
    const ctx = context("i3");
    await w.flow.begin(ctx);
    assert.deepEqual(await w.flow.submitEmail(ctx, " Maire.Perso@Gmail.com "), { kind: "password" });
    assert.equal((await w.flow.passwordPage(ctx)).login, "maire.perso@gmail.com");
    const result = finished(await w.flow.submitPassword(ctx, "maire.perso@gmail.com", "secret-password"));
    assert.deepEqual(result, { sub: result.sub, memberId: "ville", acr: ACR_ONE_FACTOR, amr: ["pwd"] });
    // The role comes from the directory (the registered address of the email the source asserted).
    const person = await w.people.findPerson(result.sub);
    assert.equal(person?.affiliations[0]?.role, "elu");
    const signIn = w.events.find((e) => e.kind === "sign_in");
    assert.equal(signIn?.requestId, "req-i3");
    assert.equal(signIn?.ip, "127.0.0.1");
    assert.equal(signIn?.sub, result.sub);
  });
});

describe("sign-in flow: who signs in decides, not what was typed first", () => {
  it("an agent who types an élu's registered address, then signs in with their own login, stays an agent", async () => {
    const w = createWorld();
    const ctx = context("i4");
    await w.flow.begin(ctx);
    assert.deepEqual(await w.flow.submitEmail(ctx, "maire.perso@gmail.com"), { kind: "password" });
    const result = finished(await w.flow.submitPassword(ctx, "jean.martin", "secret-password"));
    const person = await w.people.findPerson(result.sub);
    assert.equal(person?.affiliations[0]?.email, "jean.martin@ville-lyon.fr");
    assert.equal(person?.affiliations[0]?.role, "agent");
  });
});

describe("sign-in flow: the state between pages", () => {
  it("one request reads the state once (CSRF check, use case, form token); the next request reads it again", async () => {
    const w = createWorld();
    const reads: string[] = [];
    const get = w.state.get.bind(w.state);
    w.state.get = async (key) => {
      reads.push(key);
      return get(key);
    };
    await w.flow.begin(context("i30"));
    const page = context("i30");
    const csrf = await w.flow.csrfToken(page);
    const post = context("i30");
    await w.flow.verifyCsrf(post, csrf);
    assert.deepEqual(await w.flow.submitEmail(post, "jean.martin@grandlyon.fr"), { kind: "password" });
    assert.equal(await w.flow.csrfToken(post), csrf, "the same token after the step");
    await rejectsWith(w.flow.verifyCsrf(post, "forged"), "auth.csrf");
    assert.equal(reads.filter((k) => k === "sign-in:i30").length, 3, "begin, the page, the POST: once each");
    const next = context("i30");
    assert.deepEqual(await w.flow.passwordPage(next), {
      sourceLabel: "Annuaire de la Métropole",
      login: "jean.martin@grandlyon.fr",
    });
    assert.equal(reads.length, 4);
  });

  it("reading the state does not consume it: two requests of one sign-in at once both find it", async () => {
    const w = createWorld();
    await w.flow.begin(context("i31"));
    const [a, b] = await Promise.all([w.flow.csrfToken(context("i31")), w.flow.csrfToken(context("i31"))]);
    assert.equal(a, b);
    assert.deepEqual(await w.flow.submitEmail(context("i31"), "jean.martin@grandlyon.fr"), {
      kind: "password",
    });
  });
});

describe("sign-in flow: passwords and throttling", () => {
  it("a wrong password fails with identity.invalid_credentials and an audit event, nobody signed in", async () => {
    const w = createWorld();
    const ctx = context("i4");
    await w.flow.begin(ctx);
    await w.flow.submitEmail(ctx, "jean.martin@grandlyon.fr");
    await rejectsWith(w.flow.submitPassword(ctx, "jean.martin", "wrong"), "identity.invalid_credentials");
    assert.equal(w.resolveCalls.length, 0);
    const event = w.events.at(-1);
    assert.equal(event?.kind, "sign_in_failed");
    assert.equal(event?.code, "identity.invalid_credentials");
    assert.equal(event?.sourceId, "ldap-metropole");
    // the password page stays usable
    finished(await w.flow.submitPassword(ctx, "jean.martin", "secret-password"));
  });

  it("after 5 failures for one login from one address the next attempt there waits, even with the right password, for a login that exists or not", async () => {
    const w = createWorld();
    const ctx = context("i5");
    await w.flow.begin(ctx);
    await w.flow.submitEmail(ctx, "jean.martin@grandlyon.fr");
    for (const login of ["jean.martin", "ghost"]) {
      for (let i = 0; i < 5; i++)
        await rejectsWith(w.flow.submitPassword(ctx, login, "wrong"), "identity.invalid_credentials");
    }
    const calls = w.passwordCalls.length;
    for (const login of ["jean.martin", "Ghost"]) {
      await assert.rejects(w.flow.submitPassword(ctx, login, "secret-password"), (error: unknown) => {
        assert.ok(error instanceof EntenteError);
        assert.equal(error.code, "identity.too_many_attempts");
        assert.equal(error.details.minutes, 15);
        return true;
      });
    }
    assert.equal(w.passwordCalls.length, calls, "the directory is not asked while throttled");
    assert.equal(w.events.at(-1)?.code, "identity.too_many_attempts");
    w.now.value = new Date(w.now.value.getTime() + 15 * 60 * 1000 + 1000);
    finished(await w.flow.submitPassword(ctx, "jean.martin", "secret-password"));
  });

  it("an attacker's wrong passwords from one address do not stop the person signing in from another (issue 10)", async () => {
    const w = createWorld();
    const attacker = { ...context("i50"), ip: "203.0.113.66" };
    const victim = { ...context("i51"), ip: "198.51.100.20" };
    for (const ctx of [attacker, victim]) {
      await w.flow.begin(ctx);
      await w.flow.submitEmail(ctx, "jean.martin@grandlyon.fr");
    }
    for (let i = 0; i < 12; i++)
      await w.flow.submitPassword(attacker, "jean.martin", `wrong-${i}`).catch((error: unknown) => {
        assert.ok(error instanceof EntenteError);
        assert.ok(["identity.invalid_credentials", "identity.too_many_attempts"].includes(error.code));
      });
    await rejectsWith(
      w.flow.submitPassword(attacker, "jean.martin", "secret-password"),
      "identity.too_many_attempts",
    );
    const result = finished(await w.flow.submitPassword(victim, "jean.martin", "secret-password"));
    assert.equal(result.memberId, "metropole");
  });
});

describe("sign-in flow: what a source may assert", () => {
  it("a source asserting an email of a domain its member does not own signs nobody in", async () => {
    const w = createWorld();
    const ctx = context("i6");
    await w.flow.begin(ctx);
    await w.flow.submitEmail(ctx, "jean.martin@grandlyon.fr");
    await rejectsWith(
      w.flow.submitPassword(ctx, "intrus", "secret-password"),
      "identity.email_domain_not_owned",
    );
    assert.equal(w.resolveCalls.length, 0, "no person is created nor linked");
    assert.equal(w.events.at(-1)?.kind, "sign_in_refused");
    assert.equal(w.events.at(-1)?.code, "identity.email_domain_not_owned");
    // and the sign-in cannot jump to the end
    await rejectsWith(w.flow.verifyTotp(ctx, "123456"), "identity.state_lost");
  });
});

describe("sign-in flow: organisation, policy, second factor", () => {
  it("several affiliations → the chooser; a member not offered is refused; the chosen one is finished", async () => {
    const w = createWorld();
    // The directory knows the person at the SITIV too (an affiliation declared by the secretariat).
    const resolve = w.people.resolvePerson;
    w.people.resolvePerson = async (...args) => {
      const p = await resolve(...args);
      const first = p.affiliations[0];
      assert.ok(first);
      const both = {
        ...p,
        affiliations: [first, { ...first, memberId: "sitiv", memberName: "SITIV", role: "elu" as const }],
      };
      w.persons.set(p.sub, both);
      return both;
    };
    const ctx2 = context("i8");
    await w.flow.begin(ctx2);
    await w.flow.submitEmail(ctx2, "jean.martin@grandlyon.fr");
    assert.deepEqual(await w.flow.submitPassword(ctx2, "jean.martin", "secret-password"), {
      kind: "choose-affiliation",
    });
    assert.deepEqual(
      (await w.flow.affiliationChoices(ctx2)).map((c) => [c.memberId, c.role]),
      [
        ["metropole", "agent"],
        ["sitiv", "elu"],
      ],
    );
    await rejectsWith(w.flow.chooseAffiliation(ctx2, "ville"), "identity.state_lost");
    const result = finished(await w.flow.chooseAffiliation(ctx2, "sitiv"));
    assert.equal(result.memberId, "sitiv");
  });

  it("a service whose policy excludes the person's role shows the refusal and records it", async () => {
    const w = createWorld();
    w.clients.visio = {
      ...w.clients.visio,
      policy: { memberIds: null, roles: ["elu"], groups: null },
    } as never;
    const ctx = context("i9");
    await w.flow.begin(ctx);
    await w.flow.submitEmail(ctx, "jean.martin@grandlyon.fr");
    const step = await w.flow.submitPassword(ctx, "jean.martin", "secret-password");
    assert.deepEqual(step, {
      kind: "refused",
      code: "identity.service_refused",
      serviceName: "Visio",
      reason: "role",
      contact: null,
    });
    const event = w.events.at(-1);
    assert.equal(event?.kind, "sign_in_refused");
    assert.equal(event?.code, "identity.service_refused");
    assert.equal(event?.details.reason, "role");
    // a refused sign-in cannot be finished by another step
    await rejectsWith(w.flow.chooseAffiliation(ctx, "metropole"), "identity.state_lost");
    // an élu of the same member passes
    const ctx2 = context("i9b");
    await w.flow.begin(ctx2);
    await w.flow.submitEmail(ctx2, "claire.petit@grandlyon.fr");
    finished(await w.flow.submitPassword(ctx2, "claire.petit", "secret-password"));
  });

  it("a policy registered by another context (the workplace's subscriptions) replaces the client's and names whom to ask", async () => {
    const asked: string[] = [];
    const w = createWorld({
      serviceAccess: {
        decide: async (client, requester) => {
          asked.push(`${client.clientId}/${requester.memberId}/${requester.role}`);
          return requester.role === "agent"
            ? { allowed: false, reason: "member", contact: "https://support.example.fr/visio" }
            : { allowed: true };
        },
      },
    });
    // The client's own policy would refuse élus: the registered policy decides instead.
    w.clients.visio = {
      ...w.clients.visio,
      policy: { memberIds: null, roles: ["agent"], groups: null },
    } as never;
    const ctx = context("i-port");
    await w.flow.begin(ctx);
    await w.flow.submitEmail(ctx, "jean.martin@grandlyon.fr");
    assert.deepEqual(await w.flow.submitPassword(ctx, "jean.martin", "secret-password"), {
      kind: "refused",
      code: "identity.service_refused",
      serviceName: "Visio",
      reason: "member",
      contact: "https://support.example.fr/visio",
    });
    assert.equal(w.events.at(-1)?.kind, "sign_in_refused");
    const ctx2 = context("i-port-2");
    await w.flow.begin(ctx2);
    await w.flow.submitEmail(ctx2, "claire.petit@grandlyon.fr");
    finished(await w.flow.submitPassword(ctx2, "claire.petit", "secret-password"));
    assert.deepEqual(asked, ["visio/metropole/agent", "visio/metropole/elu"]);
  });

  it("acr 2fa: enrolment of a TOTP app on first use, then a code at each sign-in; a code used once is refused", async () => {
    const w = createWorld();
    w.clients.visio = { ...w.clients.visio, requiredAcr: ACR_TWO_FACTORS } as never;
    const ctx = context("i10");
    await w.flow.begin(ctx);
    await w.flow.submitEmail(ctx, "jean.martin@grandlyon.fr");
    assert.deepEqual(await w.flow.submitPassword(ctx, "jean.martin", "secret-password"), {
      kind: "second-factor",
    });
    assert.deepEqual(await w.flow.secondFactorPage(ctx), { enrolled: [] });
    const enrolment = await w.flow.totpEnrolment(ctx);
    assert.match(enrolment.otpauthUri, /^otpauth:\/\/totp\/Entente%20Lyon:jean\.martin%40grandlyon\.fr\?/);
    assert.deepEqual(await w.flow.totpEnrolment(ctx), enrolment, "a reload shows the same secret");
    await rejectsWith(w.flow.confirmTotpEnrolment(ctx, "000000"), "identity.mfa_invalid");
    assert.equal(w.events.at(-1)?.kind, "mfa_failed");
    const epoch = Math.floor(w.now.value.getTime() / 1000);
    const code = await generate({ secret: enrolment.secret, epoch });
    const result = finished(await w.flow.confirmTotpEnrolment(ctx, code));
    assert.equal(result.acr, ACR_TWO_FACTORS);
    assert.deepEqual(result.amr, ["pwd", "otp", "mfa"]);
    assert.ok(
      w.events.some(
        (e) => e.kind === "mfa_enrolled" && e.details.kind === "totp" && e.details.trustOnFirstUse === true,
      ),
    );

    // Next sign-in, same 30-second step: the same code is a replay.
    const ctx2 = context("i10b");
    await w.flow.begin(ctx2);
    await w.flow.submitEmail(ctx2, "jean.martin@grandlyon.fr");
    assert.deepEqual(await w.flow.submitPassword(ctx2, "jean.martin", "secret-password"), {
      kind: "second-factor",
    });
    assert.deepEqual(await w.flow.secondFactorPage(ctx2), { enrolled: ["totp"] });
    await rejectsWith(w.flow.totpEnrolment(ctx2), "identity.state_lost"); // trust on first use only
    await rejectsWith(w.flow.verifyTotp(ctx2, code), "identity.mfa_invalid");
    w.now.value = new Date(w.now.value.getTime() + 30_000);
    const next = await generate({ secret: enrolment.secret, epoch: epoch + 30 });
    assert.equal(finished(await w.flow.verifyTotp(ctx2, next)).acr, ACR_TWO_FACTORS);
  });
});

describe("sign-in flow: single sign-on and upstream redirects", () => {
  it("a person signed in at the provider skips the password unless prompt=login or a stronger acr is asked", async () => {
    const w = createWorld();
    const ctx = context("i11");
    await w.flow.begin(ctx);
    await w.flow.submitEmail(ctx, "jean.martin@grandlyon.fr");
    const { sub } = finished(await w.flow.submitPassword(ctx, "jean.martin", "secret-password"));
    const calls = w.passwordCalls.length;

    const sso = finished(await w.flow.begin(context("i11b", { sessionSub: sub, sessionAmr: ["pwd"] })));
    assert.deepEqual(sso, { sub, memberId: "metropole", acr: ACR_ONE_FACTOR, amr: ["pwd"] });
    assert.equal(w.passwordCalls.length, calls);
    assert.equal(w.events.at(-1)?.details.sso, true);

    assert.equal(
      (await w.flow.begin(context("i11c", { sessionSub: sub, sessionAmr: ["pwd"], prompts: ["login"] })))
        .kind,
      "ask-email",
    );
    assert.equal(
      (
        await w.flow.begin(
          context("i11d", { sessionSub: sub, sessionAmr: ["pwd"], requestedAcr: ACR_TWO_FACTORS }),
        )
      ).kind,
      "ask-email",
    );
    // the policy is checked again at single sign-on
    w.clients.visio = {
      ...w.clients.visio,
      policy: { memberIds: ["ville"], roles: null, groups: null },
    } as never;
    const refused = await w.flow.begin(context("i11e", { sessionSub: sub, sessionAmr: ["pwd"] }));
    assert.equal(refused.kind, "refused");
  });

  it("an OIDC source: redirect out, answer without the cookie, continue in the browser; a replayed answer is refused", async () => {
    const w = createWorld();
    w.upstreamAnswers["oidc-sitiv"] = {
      sourceId: "oidc-sitiv",
      upstreamId: "oidc-sub-1",
      attributes: { givenName: ["Lou"], sn: ["Durand"], mail: ["lou.durand@sitiv.fr"], uid: ["ldurand"] },
      amr: ["pwd", "otp"],
      acr: null,
    };
    w.clients.visio = { ...w.clients.visio, requiredAcr: ACR_TWO_FACTORS } as never;
    const ctx = context("i12");
    await w.flow.begin(ctx);
    assert.deepEqual(await w.flow.submitEmail(ctx, "lou.durand@sitiv.fr"), { kind: "upstream" });
    const { redirectUrl } = await w.flow.startUpstream(ctx);
    const url = new URL(redirectUrl);
    assert.equal(url.searchParams.get("redirect_uri"), `${PUBLIC_URL}/interaction/callback/oidc/oidc-sitiv`);
    const state = url.searchParams.get("state") ?? "";
    const request = { requestId: "cb", ip: "127.0.0.1" };
    await rejectsWith(
      w.flow.receiveUpstreamAnswer("saml", "oidc-sitiv", { query: { state }, body: {} }, request),
      "identity.source_not_found",
    );
    assert.deepEqual(
      await w.flow.receiveUpstreamAnswer("oidc", "oidc-sitiv", { query: { state }, body: {} }, request),
      { interactionId: "i12" },
    );
    await rejectsWith(
      w.flow.receiveUpstreamAnswer("oidc", "oidc-sitiv", { query: { state }, body: {} }, request),
      "identity.state_lost",
    );
    // the source gave two factors: no second-factor step. The browser comes back: a new request,
    // so a new context (a context keeps the state its request read).
    const back = context("i12");
    const result = finished(await w.flow.continueAfterUpstream(back));
    assert.deepEqual(result.amr, ["pwd", "otp"]);
    assert.equal(result.acr, ACR_TWO_FACTORS);
    await rejectsWith(w.flow.continueAfterUpstream(context("i12")), "identity.state_lost");
  });

  it("steps cannot be skipped: no password before a source, no second factor before the password", async () => {
    const w = createWorld();
    const ctx = context("i13");
    await rejectsWith(
      w.flow.submitPassword(ctx, "jean.martin", "secret-password"),
      "identity.interaction_expired",
    );
    await w.flow.begin(ctx);
    await rejectsWith(w.flow.submitPassword(ctx, "jean.martin", "secret-password"), "identity.state_lost");
    await rejectsWith(w.flow.verifyTotp(ctx, "123456"), "identity.state_lost");
    await rejectsWith(w.flow.continueAfterUpstream(ctx), "identity.state_lost");
    await rejectsWith(w.flow.verifyCsrf(ctx, "forged"), "auth.csrf");
    await w.flow.verifyCsrf(ctx, await w.flow.csrfToken(ctx));
  });
});
