import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { IdentityRouting, RedirectConnector } from "../../src/identity/app/ports.ts";
import { createUpstreamLogout } from "../../src/identity/app/upstream-logout.ts";
import type { IdentityEvent } from "../../src/identity/domain/identity-event.ts";
import type { SourceRecord } from "../../src/identity/domain/identity-source.ts";
import { renderUpstreamLogoutPage } from "../../src/identity/http/interaction/provider-pages.ts";
import { EntenteError, localized } from "../../src/shared/errors.ts";
import { createMemoryTransientStore, samlSource } from "../helpers/upstream-peers.ts";

/**
 * Unit (fakes): what logout "of the entente and all its services" says about the member's SAML
 * IdP session in each case (issue 10 item 6), in French and English, and the audit event each
 * outcome writes. The real exchange with SimpleSAMLphp is in upstream-saml-logout.test.ts and
 * test/e2e/identity.test.ts.
 */

const SUB = "sub-gabriel";
const NEXT = "https://files.example/bye";
const base = samlSource() as SourceRecord & { kind: "saml" };
const withSlo = { ...base, saml: { ...base.saml, sloUrl: "https://idp.example/slo" } } as SourceRecord;

type Answer = Awaited<ReturnType<NonNullable<RedirectConnector["finishLogout"]>>>;

function world(source: SourceRecord, connector: Partial<RedirectConnector>) {
  const events: IdentityEvent[] = [];
  const routing = { findSource: async (id: string) => (id === source.id ? source : null) } as IdentityRouting;
  const noop = { begin: async () => ({ redirectUrl: "" }), finish: async () => assert.fail("no sign-in") };
  let n = 0;
  const logout = createUpstreamLogout({
    routing,
    lastSourceOf: async () => ({ sourceId: source.id, upstreamId: "up-1" }),
    redirectConnectors: {
      oidc: noop as RedirectConnector,
      saml: { ...noop, ...connector } as RedirectConnector,
    },
    state: createMemoryTransientStore(),
    publicUrl: "https://entente.example",
    newState: () => `state-${++n}`,
    events: { record: async (e) => void events.push(e) },
    now: () => new Date("2026-12-06T21:00:00Z"),
  });
  return { logout, events };
}

const finishWith = (answer: Answer | Error) => ({
  logoutUrl: async () => "https://idp.example/slo?SAMLRequest=x",
  finishLogout: async () => {
    if (answer instanceof Error) throw answer;
    return answer;
  },
});
const sloAnswer = {
  query: { SAMLResponse: "x", RelayState: "state-1" },
  rawQuery: "SAMLResponse=x&RelayState=state-1",
};
const page = (lang: "fr" | "en", outcome: Parameters<typeof renderUpstreamLogoutPage>[1]) =>
  renderUpstreamLogoutPage(lang, outcome).replaceAll("&#39;", "'").replaceAll("&quot;", '"');

describe("upstream logout through a SAML source: outcomes, wording, audit", () => {
  it("a signed Success answer: the page says the IdP session is ended; audit upstream=ended", async () => {
    const { logout, events } = world(withSlo, finishWith({ state: "state-1", ended: true, status: null }));
    assert.equal(await logout.afterGlobalLogout(SUB, NEXT), "https://idp.example/slo?SAMLRequest=x");
    assert.equal(events.length, 0, "nothing written before the IdP answered");
    const outcome = await logout.finishSaml(withSlo.id, sloAnswer);
    assert.deepEqual(outcome, { sourceLabel: withSlo.label, status: "ended", next: NEXT });
    assert.match(
      page("fr", outcome),
      new RegExp(`Votre session chez « ${withSlo.label} » est terminée aussi\\.`),
    );
    assert.match(page("en", outcome), new RegExp(`Your session at "${withSlo.label}" is ended too\\.`));
    assert.match(page("fr", outcome), new RegExp(`<a href="${NEXT}">Continuer</a>`));
    assert.equal(events[0]?.kind, "logout");
    assert.equal(events[0]?.sub, SUB);
    assert.equal(events[0]?.sourceId, withSlo.id);
    assert.equal(events[0]?.memberId, withSlo.memberId);
    assert.deepEqual(events[0]?.details, { upstream: "ended" });
    assert.equal(await logout.finishSaml(withSlo.id, sloAnswer), null, "the state is used");
  });

  it("a SAML logout in progress is never said ended without the IdP's signed answer (the OIDC return page)", async () => {
    const { logout } = world(withSlo, finishWith({ state: "state-1", ended: true, status: null }));
    await logout.afterGlobalLogout(SUB, NEXT);
    assert.equal((await logout.outcomeOf("state-1"))?.status, "not-ended");
    assert.equal(await logout.finishSaml(withSlo.id, sloAnswer), null, "and then nothing is left to show");
  });

  it("a failure Status: the page says the IdP could not end it; audit upstream=failed with the status", async () => {
    const status = "urn:oasis:names:tc:SAML:2.0:status:Responder";
    const { logout, events } = world(withSlo, finishWith({ state: "state-1", ended: false, status }));
    await logout.afterGlobalLogout(SUB, NEXT);
    const outcome = await logout.finishSaml(withSlo.id, sloAnswer);
    assert.equal(outcome?.status, "failed");
    assert.match(page("fr", outcome), /a répondu qu'il n'a pas pu terminer votre session/);
    assert.match(page("en", outcome), /answered that it could not end your session/);
    assert.match(page("fr", outcome), /role="alert"/);
    assert.deepEqual(events[0]?.details, { upstream: "failed", status });
  });

  it("a refused answer (unsigned, forged, wrong InResponseTo): the page says it could not be verified; audit with the code", async () => {
    const refused = new EntenteError("identity.upstream_rejected", {
      source: withSlo.label,
      reason: localized("réponse de déconnexion non signée", "unsigned logout answer"),
    });
    const { logout, events } = world(withSlo, finishWith(refused));
    await logout.afterGlobalLogout(SUB, NEXT);
    const outcome = await logout.finishSaml(withSlo.id, sloAnswer);
    assert.equal(outcome?.status, "refused");
    assert.match(page("fr", outcome), /n'a pas pu être vérifiée/);
    assert.match(page("en", outcome), /could not be verified/);
    assert.equal(events[0]?.code, "identity.upstream_rejected");
    assert.deepEqual(events[0]?.details, { upstream: "refused", code: "identity.upstream_rejected" });
  });

  it("a replayed or unknown RelayState, or no answer in time: the page says no logout is in progress", async () => {
    const { logout } = world(withSlo, finishWith(new EntenteError("identity.state_lost")));
    await logout.afterGlobalLogout(SUB, NEXT);
    assert.equal(await logout.finishSaml(withSlo.id, sloAnswer), null);
    assert.match(page("fr", null), /ne correspond à aucune déconnexion en cours/);
    assert.match(page("fr", null), /pas de réponse à temps/);
    assert.match(page("en", null), /did not answer in time/);
    assert.equal(await logout.finishSaml("another-source", sloAnswer), null);
  });

  it("a SAML IdP without sloUrl: the page says it offers no remote logout; audit upstream=no-endpoint", async () => {
    const { logout, events } = world(base, { logoutUrl: async () => null });
    const to = new URL((await logout.afterGlobalLogout(SUB, NEXT)) ?? "");
    assert.equal(to.pathname, "/interaction/logout/return");
    const outcome = await logout.outcomeOf(to.searchParams.get("state") ?? "");
    assert.equal(outcome?.status, "no-endpoint");
    assert.match(page("fr", outcome), /ne permet pas de terminer sa session à distance/);
    assert.match(page("en", outcome), /offers no way to end its session remotely/);
    assert.deepEqual(events[0]?.details, { upstream: "no-endpoint" });
  });

  it("sloUrl set but no kept session or SP key: the page says the session could not be ended", async () => {
    const { logout, events } = world(withSlo, { logoutUrl: async () => null });
    const to = new URL((await logout.afterGlobalLogout(SUB, NEXT)) ?? "");
    const outcome = await logout.outcomeOf(to.searchParams.get("state") ?? "");
    assert.equal(outcome?.status, "not-ended");
    assert.match(page("fr", outcome), /n'a pas pu être terminée : fermez votre navigateur/);
    assert.match(page("en", outcome), /could not be ended: close your browser/);
    assert.deepEqual(events[0]?.details, { upstream: "not-ended" });
  });
});
