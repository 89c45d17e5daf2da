import type { TransientStore } from "../../platform/db/transient-store.ts";
import type { Clock } from "../../shared/clock.ts";
import { isEmailAddress, normalizeEmail, normalizeIdentity } from "../domain/pivot-identity.ts";
import { decideServiceAccess } from "../domain/service-access.ts";
import { EntenteError } from "../errors.ts";
import type { LoginThrottle } from "./login-throttle.ts";
import {
  ACR_ONE_FACTOR,
  ACR_TWO_FACTORS,
  type Affiliation,
  type IdentityEventKind,
  type IdentityEventLog,
  type IdentityRouting,
  type InteractionDetails,
  type InteractionGateway,
  type MfaKind,
  type MfaService,
  type OrganisationChoice,
  type PasswordConnector,
  type PersonDirectory,
  type PersonRecord,
  type PersonRole,
  type RedirectConnector,
  type ServiceClientRecord,
  type SourceRecord,
  type UpstreamIdentity,
} from "./ports.ts";
import { addMethods, hasTwoFactors } from "./second-factor-rules.ts";
import {
  ensureStep,
  type FlowState,
  findFlowState,
  isCsrfTokenValid,
  loadFlowState,
  newFlowState,
  saveFlowState,
} from "./sign-in-state.ts";

/** What the sign-in use cases need (the composition root passes the real adapters). */
export interface SignInFlowDeps {
  readonly routing: IdentityRouting;
  readonly people: PersonDirectory;
  readonly events: IdentityEventLog;
  readonly passwordConnectors: Readonly<Record<"ldap" | "local", PasswordConnector>>;
  readonly redirectConnectors: Readonly<Record<"oidc" | "saml", RedirectConnector>>;
  readonly mfa: MfaService;
  readonly throttle: LoginThrottle;
  readonly clock: Clock;
  /** The services' registrations: the provider's `InteractionGateway.client`. */
  readonly services: Pick<InteractionGateway, "client">;
  /** Holds each sign-in's state between pages (database or Redis). */
  readonly state: TransientStore;
  /** Public URL of Entente (`https://identite.entente.fr`), base of the upstream callback URLs. */
  readonly publicUrl: string;
}

/** One request of a sign-in: the interaction as the provider sees it, and who asks. */
export interface SignInContext {
  readonly details: InteractionDetails;
  /** The request id support can quote. */
  readonly requestId: string;
  readonly ip: string | null;
}

/** Who an audit event is about when there is no interaction (the SAML ACS runs without its cookie). */
type AuditOrigin = SignInContext | { readonly requestId: string; readonly ip: string | null };

/** The person signed in, as `InteractionGateway.finishSignIn` takes it. */
export interface SignInResult {
  readonly sub: string;
  readonly memberId: string;
  readonly acr: string;
  readonly amr: readonly string[];
}

/** What the pages do next. `finish`: call `gateway.finishSignIn(result)`; `refused`: show the refusal page. */
export type SignInStep =
  | {
      readonly kind: "ask-email";
      readonly loginHint: string | null;
      readonly organisations: OrganisationChoice[];
    }
  | { readonly kind: "password" }
  | { readonly kind: "upstream" }
  | { readonly kind: "choose-affiliation" }
  | { readonly kind: "second-factor" }
  | {
      readonly kind: "refused";
      readonly code: "identity.service_refused";
      readonly serviceName: string;
      readonly reason: "member" | "role" | "group";
    }
  | { readonly kind: "finish"; readonly result: SignInResult };

/** The organisations a person may act for on this service (chooser page). */
export interface AffiliationChoice {
  readonly memberId: string;
  readonly memberName: string;
  readonly role: PersonRole;
}

/** Kinds of sources the browser is redirected to. */
export type RedirectKind = "oidc" | "saml";

/** The path of the upstream callback of a source (the OIDC redirect_uri, the SAML ACS URL). */
export function upstreamCallbackPath(kind: RedirectKind, sourceId: string): string {
  return `/interaction/callback/${kind}/${encodeURIComponent(sourceId)}`;
}

/**
 * The sign-in of issue 4 (DESIGN.md pillar 2), page by page: email or organisation → source →
 * password or upstream redirect → normalised identity → the source may assert the email →
 * pivot person → organisation chosen → the service's access policy → second factor when the
 * service asks `ACR_TWO_FACTORS` → `finish`. Single sign-on skips the source when the provider
 * already has the person and the service asks neither `prompt=login` nor more factors than the
 * session has. Every outcome writes an audit event (sign_in, sign_in_refused, sign_in_failed,
 * mfa_enrolled, mfa_failed) with the request id and IP. Errors are `EntenteError`s of the catalog
 * (`identity.*`, `auth.csrf`); the pages show their code.
 */
export function createSignInFlow(deps: SignInFlowDeps) {
  const { routing, people, mfa, throttle, clock } = deps;

  const audit = async (
    ctx: AuditOrigin,
    kind: IdentityEventKind,
    fields: {
      ententeId?: string | null;
      sub?: string | null;
      memberId?: string | null;
      sourceId?: string | null;
      code?: string | null;
      details?: Record<string, string | number | boolean | null>;
    },
  ) => {
    await deps.events.record({
      kind,
      at: clock.now(),
      ententeId: fields.ententeId ?? null,
      sub: fields.sub ?? null,
      memberId: fields.memberId ?? null,
      clientId: "details" in ctx ? ctx.details.clientId : null,
      sourceId: fields.sourceId ?? null,
      code: fields.code ?? null,
      requestId: ctx.requestId,
      ip: ctx.ip,
      details: fields.details ?? {},
    });
  };

  const serviceOf = async (ctx: SignInContext): Promise<ServiceClientRecord> => {
    const client = await deps.services.client(ctx.details.clientId);
    if (client === null)
      throw new EntenteError("identity.not_found", { what: "service", id: ctx.details.clientId });
    return client;
  };

  const wantsTwoFactors = (ctx: SignInContext, client: ServiceClientRecord) =>
    ctx.details.requestedAcr === ACR_TWO_FACTORS || client.requiredAcr === ACR_TWO_FACTORS;

  const sourceOf = async (sourceId: string | null): Promise<SourceRecord> => {
    const source = sourceId === null ? null : await routing.findSource(sourceId);
    if (source === null) throw new EntenteError("identity.source_not_found", { id: sourceId ?? "?" });
    if (!source.enabled) throw new EntenteError("identity.source_disabled", { source: source.label });
    return source;
  };

  /**
   * The state as this request last read or wrote it. A `SignInContext` is made once per HTTP
   * request, so a page (anti-CSRF check, use case, form token) reads the store once.
   */
  const known = new WeakMap<AuditOrigin, FlowState>();
  const state = async (ctx: SignInContext) => {
    const seen = known.get(ctx);
    if (seen !== undefined) return seen;
    const loaded = await loadFlowState(deps.state, ctx.details.uid);
    known.set(ctx, loaded);
    return loaded;
  };
  /** The state of the interaction, or null (nothing remembered when there is none). */
  const find = async (ctx: SignInContext) => {
    const seen = known.get(ctx);
    if (seen !== undefined) return seen;
    const found = await findFlowState(deps.state, ctx.details.uid);
    if (found !== null) known.set(ctx, found);
    return found;
  };
  const save = async (ctx: AuditOrigin, next: FlowState) => {
    await saveFlowState(deps.state, next);
    known.set(ctx, next);
    return next;
  };

  /** The first step for a source: the password page or the upstream redirect. */
  const goToSource = async (
    ctx: SignInContext,
    current: FlowState,
    source: SourceRecord,
    login: string | null,
    role: PersonRole | null,
  ) => {
    const kind = source.kind === "ldap" || source.kind === "local" ? "password" : "upstream";
    await save(ctx, { ...current, step: kind, sourceId: source.id, login, forcedRole: role, upstream: null });
    return { kind } as const;
  };

  /** Records a failure of the sign-in with its code, then rethrows it. */
  const failed = async (ctx: AuditOrigin, source: SourceRecord | null, error: unknown): Promise<never> => {
    const code = error instanceof EntenteError ? error.code : "server.internal";
    await audit(ctx, code === "identity.email_domain_not_owned" ? "sign_in_refused" : "sign_in_failed", {
      ententeId: source?.ententeId ?? null,
      memberId: source?.memberId ?? null,
      sourceId: source?.id ?? null,
      code,
    });
    throw error;
  };

  /** (4) of the flow: what any source vouched for becomes a signed-in pivot person, or nobody. */
  const completeIdentity = async (
    ctx: SignInContext,
    current: FlowState,
    source: SourceRecord,
    identity: UpstreamIdentity,
  ) => {
    let person: PersonRecord;
    try {
      if (identity.sourceId !== source.id) {
        throw new EntenteError("identity.upstream_rejected", {
          source: source.label,
          reason: "source mismatch",
        });
      }
      const normalized = normalizeIdentity(identity.attributes, source.mapping, source.label);
      // The role of a registered address (an élu's) is applied by the directory from the email the
      // source asserted, never from the address typed on the first page: whoever signs in at the
      // password page is the one whose registration counts.
      const role = normalized.role;
      if (!(await routing.mayAssertEmail(source.ententeId, source.memberId, normalized.email))) {
        throw new EntenteError("identity.email_domain_not_owned", {
          source: source.label,
          email: normalized.email,
          member: source.memberId,
        });
      }
      person = await people.resolvePerson(source, identity, { ...normalized, role });
    } catch (error) {
      await save(ctx, { ...current, step: "start", upstream: null });
      return failed(ctx, source, error);
    }
    return chooseAffiliationOrContinue(
      ctx,
      { ...current, sub: person.sub, amr: identity.amr, upstream: null },
      person,
    );
  };

  const affiliationsFor = (person: PersonRecord, client: ServiceClientRecord) =>
    person.affiliations.filter((a) => a.ententeId === client.ententeId);

  const chooseAffiliationOrContinue = async (
    ctx: SignInContext,
    current: FlowState,
    person: PersonRecord,
  ): Promise<SignInStep> => {
    const client = await serviceOf(ctx);
    const affiliations = affiliationsFor(person, client);
    if (affiliations.length > 1) {
      await save(ctx, {
        ...current,
        step: "choose-affiliation",
        choices: affiliations.map((a) => a.memberId),
      });
      return { kind: "choose-affiliation" };
    }
    const only = affiliations[0];
    if (only === undefined) {
      await save(ctx, { ...current, step: "refused" });
      await audit(ctx, "sign_in_refused", {
        ententeId: client.ententeId,
        sub: person.sub,
        code: "identity.service_refused",
        details: { reason: "member" },
      });
      return {
        kind: "refused",
        code: "identity.service_refused",
        serviceName: client.name,
        reason: "member",
      };
    }
    return authorize(ctx, current, client, person.sub, only);
  };

  /** The service's policy, then the second factor when needed, then `finish`. */
  const authorize = async (
    ctx: SignInContext,
    current: FlowState,
    client: ServiceClientRecord,
    sub: string,
    affiliation: Affiliation,
  ): Promise<SignInStep> => {
    const decision = decideServiceAccess(client.policy, affiliation);
    if (!decision.allowed) {
      await save(ctx, { ...current, step: "refused", memberId: affiliation.memberId });
      await audit(ctx, "sign_in_refused", {
        ententeId: client.ententeId,
        sub,
        memberId: affiliation.memberId,
        sourceId: current.sourceId,
        code: "identity.service_refused",
        details: { reason: decision.reason },
      });
      return {
        kind: "refused",
        code: "identity.service_refused",
        serviceName: client.name,
        reason: decision.reason,
      };
    }
    if (wantsTwoFactors(ctx, client) && !hasTwoFactors(current.amr)) {
      await save(ctx, { ...current, step: "second-factor", memberId: affiliation.memberId, challenge: null });
      return { kind: "second-factor" };
    }
    return finish(ctx, { ...current, memberId: affiliation.memberId }, client, current.amr);
  };

  const finish = async (
    ctx: SignInContext,
    current: FlowState,
    client: ServiceClientRecord,
    amr: readonly string[],
  ) => {
    const { sub, memberId } = current;
    if (sub === null || memberId === null) throw new EntenteError("identity.state_lost");
    const acr = hasTwoFactors(amr) ? ACR_TWO_FACTORS : ACR_ONE_FACTOR;
    await save(ctx, { ...current, step: "done", amr, challenge: null, totp: null });
    await audit(ctx, "sign_in", {
      ententeId: client.ententeId,
      sub,
      memberId,
      sourceId: current.sourceId,
      details: { acr, amr: amr.join(" "), sso: current.sso },
    });
    return { kind: "finish", result: { sub, memberId, acr, amr } } as const;
  };

  /** The person's sub and the chosen organisation, at the second-factor step. */
  const atSecondFactor = async (ctx: SignInContext) => {
    const current = await state(ctx);
    ensureStep(current, "second-factor");
    if (current.sub === null) throw new EntenteError("identity.state_lost");
    return { current, sub: current.sub };
  };

  /** Throttles second-factor codes like passwords: per person and per IP. */
  const mfaSubject = (ctx: SignInContext, sub: string) => ({ scope: "mfa", login: sub, ip: ctx.ip });

  const ensureNotThrottled = async (subject: { scope: string; login: string; ip: string | null }) => {
    const wait = await throttle.secondsToWait(subject, clock.now());
    if (wait > 0) throw new EntenteError("identity.too_many_attempts", { minutes: Math.ceil(wait / 60) });
  };

  /** After a valid second factor: `finish` with the factor added to the source's methods. */
  const secondFactorPassed = async (
    ctx: SignInContext,
    current: FlowState,
    sub: string,
    method: "otp" | "hwk",
  ) => {
    await throttle.recordSuccess(mfaSubject(ctx, sub));
    const client = await serviceOf(ctx);
    return finish(ctx, current, client, addMethods(current.amr, method, "mfa"));
  };

  const secondFactorFailed = async (
    ctx: SignInContext,
    current: FlowState,
    sub: string,
    kind: MfaKind,
  ): Promise<never> => {
    await throttle.recordFailure(mfaSubject(ctx, sub), clock.now());
    await audit(ctx, "mfa_failed", {
      sub,
      memberId: current.memberId,
      sourceId: current.sourceId,
      code: "identity.mfa_invalid",
      details: { kind },
    });
    throw new EntenteError("identity.mfa_invalid");
  };

  /** Trust on first use: enrolment is open only to a person without an active factor. */
  const ensureNoFactorYet = async (sub: string) => {
    if ((await mfa.listCredentials(sub)).length > 0) throw new EntenteError("identity.state_lost");
  };

  return {
    /**
     * Opens the sign-in page of an interaction: single sign-on when possible (the provider's
     * session, no `prompt=login`, enough factors), else the email field and the organisation list.
     */
    async begin(ctx: SignInContext): Promise<SignInStep> {
      const previous = await find(ctx);
      const created = newFlowState(ctx.details.uid);
      const fresh = { ...created, csrf: previous?.csrf ?? created.csrf };
      const { sessionSub, sessionAmr, prompts } = ctx.details;
      if (sessionSub !== null && !prompts.includes("login")) {
        const client = await serviceOf(ctx);
        const person = await people.findPerson(sessionSub);
        if (person !== null && (!wantsTwoFactors(ctx, client) || hasTwoFactors(sessionAmr))) {
          return chooseAffiliationOrContinue(
            ctx,
            { ...fresh, sub: person.sub, amr: sessionAmr, sso: true },
            person,
          );
        }
      }
      await save(ctx, fresh);
      return {
        kind: "ask-email",
        loginHint: ctx.details.loginHint,
        organisations: await routing.listOrganisations(),
      };
    },

    /** The anti-CSRF token of the interaction's forms. @throws `identity.interaction_expired`. */
    async csrfToken(ctx: SignInContext): Promise<string> {
      return (await state(ctx)).csrf;
    },

    /** @throws EntenteError `auth.csrf` when `token` is not the interaction's. */
    async verifyCsrf(ctx: SignInContext, token: string | undefined): Promise<void> {
      if (!isCsrfTokenValid(await state(ctx), token)) throw new EntenteError("auth.csrf");
    },

    /** The organisation list (for the start page shown again after an error). */
    listOrganisations: () => routing.listOrganisations(),

    /**
     * (1) An email: a registered address first (an élu's personal address), then its domain.
     * @throws `identity.email_invalid`, `identity.domain_unknown` (the page offers the list), `identity.source_disabled`.
     */
    async submitEmail(ctx: SignInContext, email: string): Promise<SignInStep> {
      const current = await state(ctx);
      ensureStep(current, "start", "password", "upstream");
      const address = normalizeEmail(email);
      if (!isEmailAddress(address)) throw new EntenteError("identity.email_invalid");
      const route = await routing.routeEmail(address);
      if (route === null)
        throw new EntenteError("identity.domain_unknown", {
          domain: address.slice(address.lastIndexOf("@") + 1),
        });
      if (!route.source.enabled)
        throw new EntenteError("identity.source_disabled", { source: route.source.label });
      return goToSource(ctx, current, route.source, address, route.role);
    },

    /** (2) A source picked from the organisation list. @throws `identity.source_not_found`, `identity.source_disabled`. */
    async submitOrganisation(ctx: SignInContext, sourceId: string): Promise<SignInStep> {
      const current = await state(ctx);
      ensureStep(current, "start", "password", "upstream");
      const listed = (await routing.listOrganisations()).some((o) =>
        o.sources.some((s) => s.id === sourceId),
      );
      if (!listed) throw new EntenteError("identity.source_not_found", { id: sourceId });
      return goToSource(ctx, current, await sourceOf(sourceId), null, null);
    },

    /** What the password page shows. */
    async passwordPage(
      ctx: SignInContext,
    ): Promise<{ readonly sourceLabel: string; readonly login: string | null }> {
      const current = await state(ctx);
      ensureStep(current, "password");
      const source = await sourceOf(current.sourceId);
      return { sourceLabel: source.label, login: current.login };
    },

    /**
     * (3) A login and password for an LDAP or local source, throttled per source + login and
     * per IP whether the login exists or not.
     * @throws `identity.too_many_attempts`, `identity.invalid_credentials`, `identity.source_unreachable`, and those of (4).
     */
    async submitPassword(ctx: SignInContext, login: string, password: string): Promise<SignInStep> {
      const current = await state(ctx);
      ensureStep(current, "password");
      const source = await sourceOf(current.sourceId);
      if (source.kind !== "ldap" && source.kind !== "local") throw new EntenteError("identity.state_lost");
      const subject = { scope: source.id, login, ip: ctx.ip };
      let identity: UpstreamIdentity;
      try {
        await ensureNotThrottled(subject);
        if (login.trim() === "" || password === "") throw new EntenteError("identity.invalid_credentials");
        identity = await deps.passwordConnectors[source.kind].authenticate(source, login.trim(), password);
      } catch (error) {
        if (error instanceof EntenteError && error.code === "identity.invalid_credentials") {
          await throttle.recordFailure(subject, clock.now());
        }
        return failed(ctx, source, error);
      }
      await throttle.recordSuccess(subject);
      return completeIdentity(ctx, current, source, identity);
    },

    /** (3) The URL of the upstream IdP for an OIDC or SAML source. @throws `identity.source_unreachable`. */
    async startUpstream(ctx: SignInContext): Promise<{ readonly redirectUrl: string }> {
      const current = await state(ctx);
      ensureStep(current, "upstream");
      const source = await sourceOf(current.sourceId);
      if (source.kind !== "oidc" && source.kind !== "saml") throw new EntenteError("identity.state_lost");
      try {
        return await deps.redirectConnectors[source.kind].begin(source, {
          interactionId: ctx.details.uid,
          callbackUrl: new URL(upstreamCallbackPath(source.kind, source.id), deps.publicUrl).toString(),
          loginHint: current.login,
        });
      } catch (error) {
        return failed(ctx, source, error);
      }
    },

    /**
     * (3) The upstream's answer (OIDC callback, SAML ACS). Runs without the interaction cookie (a
     * cross-site POST): the connector finds the interaction from its single-use state; the
     * identity waits in the sign-in's state until the browser comes back (`continueAfterUpstream`),
     * where the provider checks the interaction belongs to that browser.
     * @returns the interaction uid to redirect the browser to.
     * @throws `identity.state_lost` (no such sign-in, or one started at another source), and the connector's errors.
     */
    async receiveUpstreamAnswer(
      kind: RedirectKind,
      sourceId: string,
      answer: {
        readonly query: Readonly<Record<string, string>>;
        readonly body: Readonly<Record<string, string>>;
      },
      request: { readonly requestId: string; readonly ip: string | null },
    ): Promise<{ readonly interactionId: string }> {
      const source = await routing.findSource(sourceId);
      if (source === null || source.kind !== kind)
        throw new EntenteError("identity.source_not_found", { id: sourceId });
      const callbackUrl = new URL(upstreamCallbackPath(kind, source.id), deps.publicUrl).toString();
      let outcome: Awaited<ReturnType<RedirectConnector["finish"]>>;
      try {
        outcome = await deps.redirectConnectors[kind].finish(source, { callbackUrl, ...answer });
      } catch (error) {
        return failed(request, source, error);
      }
      const current = await findFlowState(deps.state, outcome.interactionId);
      if (current === null || current.step !== "upstream" || current.sourceId !== source.id) {
        throw new EntenteError("identity.state_lost");
      }
      await save(request, { ...current, step: "upstream-answered", upstream: outcome.identity });
      return { interactionId: outcome.interactionId };
    },

    /** (4) after an upstream answer, in the browser that started the sign-in. */
    async continueAfterUpstream(ctx: SignInContext): Promise<SignInStep> {
      const current = await state(ctx);
      ensureStep(current, "upstream-answered");
      if (current.upstream === null) throw new EntenteError("identity.state_lost");
      return completeIdentity(ctx, current, await sourceOf(current.sourceId), current.upstream);
    },

    /** The organisations offered to a person who acts for several members. */
    async affiliationChoices(ctx: SignInContext): Promise<AffiliationChoice[]> {
      const current = await state(ctx);
      ensureStep(current, "choose-affiliation");
      const person = current.sub === null ? null : await people.findPerson(current.sub);
      if (person === null) throw new EntenteError("identity.state_lost");
      return person.affiliations
        .filter((a) => current.choices.includes(a.memberId))
        .map((a) => ({ memberId: a.memberId, memberName: a.memberName, role: a.role }));
    },

    /** The organisation chosen; then the policy and the second factor. @throws `identity.state_lost` for one not offered. */
    async chooseAffiliation(ctx: SignInContext, memberId: string): Promise<SignInStep> {
      const current = await state(ctx);
      ensureStep(current, "choose-affiliation");
      const person = current.sub === null ? null : await people.findPerson(current.sub);
      const affiliation = person?.affiliations.find(
        (a) => a.memberId === memberId && current.choices.includes(memberId),
      );
      if (person === null || affiliation === undefined) throw new EntenteError("identity.state_lost");
      return authorize(ctx, current, await serviceOf(ctx), person.sub, affiliation);
    },

    /** The second-factor page: the person's factors (none: enrolment, trust on first use). */
    async secondFactorPage(ctx: SignInContext): Promise<{ readonly enrolled: readonly MfaKind[] }> {
      const { sub } = await atSecondFactor(ctx);
      const credentials = await mfa.listCredentials(sub);
      return { enrolled: [...new Set(credentials.map((c) => c.kind))] };
    },

    /** A new TOTP secret to show (QR code and text), kept during the sign-in so that a reload shows the same. */
    async totpEnrolment(
      ctx: SignInContext,
    ): Promise<{ readonly secret: string; readonly otpauthUri: string }> {
      const { current, sub } = await atSecondFactor(ctx);
      await ensureNoFactorYet(sub);
      if (current.totp !== null) return current.totp;
      const person = await people.findPerson(sub);
      const account = person?.affiliations.find((a) => a.memberId === current.memberId)?.email ?? sub;
      const totp = await mfa.beginTotpEnrolment(sub, account);
      await save(ctx, { ...current, totp });
      return totp;
    },

    /** The first code of a new TOTP secret: activates it and counts as the second factor. @throws `identity.mfa_invalid`. */
    async confirmTotpEnrolment(ctx: SignInContext, code: string): Promise<SignInStep> {
      const { current, sub } = await atSecondFactor(ctx);
      await ensureNoFactorYet(sub);
      await ensureNotThrottled(mfaSubject(ctx, sub));
      if (current.totp === null) throw new EntenteError("identity.state_lost");
      if (!(await mfa.confirmTotpEnrolment(sub, current.totp.credentialId, code.trim(), clock.now()))) {
        return secondFactorFailed(ctx, current, sub, "totp");
      }
      await audit(ctx, "mfa_enrolled", {
        sub,
        memberId: current.memberId,
        sourceId: current.sourceId,
        details: { kind: "totp", trustOnFirstUse: true },
      });
      return secondFactorPassed(ctx, current, sub, "otp");
    },

    /** A code of an enrolled TOTP app; a code accepted once is refused again. @throws `identity.mfa_invalid`, `identity.too_many_attempts`. */
    async verifyTotp(ctx: SignInContext, code: string): Promise<SignInStep> {
      const { current, sub } = await atSecondFactor(ctx);
      await ensureNotThrottled(mfaSubject(ctx, sub));
      if (!(await mfa.verifyTotp(sub, code.trim(), clock.now())))
        return secondFactorFailed(ctx, current, sub, "totp");
      return secondFactorPassed(ctx, current, sub, "otp");
    },

    /** Options for registering a security key (enrolment); the challenge stays in the sign-in's state. */
    async webauthnRegistration(ctx: SignInContext): Promise<unknown> {
      const { current, sub } = await atSecondFactor(ctx);
      await ensureNoFactorYet(sub);
      const person = await people.findPerson(sub);
      const affiliation = person?.affiliations.find((a) => a.memberId === current.memberId);
      const name = affiliation?.email ?? sub;
      const display = person === null ? name : `${person.givenName} ${person.usualName}`;
      const { options, challenge } = await mfa.webauthnRegistrationOptions(sub, name, display);
      await save(ctx, { ...current, challenge });
      return options;
    },

    /** The authenticator's registration: stored, and counts as the second factor. @throws `identity.mfa_invalid`. */
    async registerWebauthn(ctx: SignInContext, response: unknown, label: string): Promise<SignInStep> {
      const { current, sub } = await atSecondFactor(ctx);
      await ensureNoFactorYet(sub);
      await ensureNotThrottled(mfaSubject(ctx, sub));
      const challenge = current.challenge;
      if (challenge === null) throw new EntenteError("identity.state_lost");
      await save(ctx, { ...current, challenge: null });
      if (!(await mfa.verifyWebauthnRegistration(sub, challenge, response, label))) {
        return secondFactorFailed(ctx, current, sub, "webauthn");
      }
      await audit(ctx, "mfa_enrolled", {
        sub,
        memberId: current.memberId,
        sourceId: current.sourceId,
        details: { kind: "webauthn", trustOnFirstUse: true },
      });
      return secondFactorPassed(ctx, current, sub, "hwk");
    },

    /** Options for signing with an enrolled security key; the challenge stays in the sign-in's state. */
    async webauthnAuthentication(ctx: SignInContext): Promise<unknown> {
      const { current, sub } = await atSecondFactor(ctx);
      const { options, challenge } = await mfa.webauthnAuthenticationOptions(sub);
      await save(ctx, { ...current, challenge });
      return options;
    },

    /** An assertion of an enrolled security key (challenge single use). @throws `identity.mfa_invalid`. */
    async verifyWebauthn(ctx: SignInContext, response: unknown): Promise<SignInStep> {
      const { current, sub } = await atSecondFactor(ctx);
      await ensureNotThrottled(mfaSubject(ctx, sub));
      const challenge = current.challenge;
      if (challenge === null) throw new EntenteError("identity.state_lost");
      await save(ctx, { ...current, challenge: null });
      if (!(await mfa.verifyWebauthnAuthentication(sub, challenge, response))) {
        return secondFactorFailed(ctx, current, sub, "webauthn");
      }
      return secondFactorPassed(ctx, current, sub, "hwk");
    },

    /**
     * The person went back to the service without signing in (the "back to the service" button):
     * records it (`sign_in_failed`, no code, `abandoned`) unless a refusal was already recorded.
     * @returns whether the sign-in had been refused by the service's policy.
     */
    async recordAbandon(ctx: SignInContext): Promise<{ readonly refused: boolean }> {
      const current = await find(ctx);
      const refused = current?.step === "refused";
      if (current !== null) await save(ctx, { ...current, step: "done" });
      if (!refused) {
        await audit(ctx, "sign_in_failed", {
          sub: current?.sub ?? null,
          sourceId: current?.sourceId ?? null,
          details: { abandoned: true },
        });
      }
      return { refused };
    },
  };
}

/** The sign-in use cases (see `createSignInFlow`). */
export type SignInFlow = ReturnType<typeof createSignInFlow>;
