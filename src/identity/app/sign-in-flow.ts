import { EntenteError } from "../errors.ts";
import type { InteractionExchange } from "./ports.ts";
import { abandonSignIn } from "./sign-in/abandon-sign-in.ts";
import { affiliationChoices } from "./sign-in/affiliation-choices.ts";
import { answerExpiredSignIn } from "./sign-in/answer-expired-sign-in.ts";
import { beginSignIn } from "./sign-in/begin-sign-in.ts";
import { chooseAffiliation } from "./sign-in/choose-affiliation.ts";
import { confirmTotpEnrolment } from "./sign-in/confirm-totp-enrolment.ts";
import { continueAfterUpstream } from "./sign-in/continue-after-upstream.ts";
import { finishSignIn } from "./sign-in/finish-sign-in.ts";
import { passwordPage } from "./sign-in/password-page.ts";
import { receiveUpstreamAnswer } from "./sign-in/receive-upstream-answer.ts";
import { registerWebauthn } from "./sign-in/register-webauthn.ts";
import { secondFactorPage } from "./sign-in/second-factor-page.ts";
import type { SignInContext, SignInResult } from "./sign-in/sign-in-step.ts";
import { startUpstream } from "./sign-in/start-upstream.ts";
import { createStepKit, type SignInFlowDeps } from "./sign-in/step-kit.ts";
import { submitEmail } from "./sign-in/submit-email.ts";
import { submitOrganisation } from "./sign-in/submit-organisation.ts";
import { submitPassword } from "./sign-in/submit-password.ts";
import { totpEnrolment } from "./sign-in/totp-enrolment.ts";
import { verifyTotp } from "./sign-in/verify-totp.ts";
import { verifyWebauthn } from "./sign-in/verify-webauthn.ts";
import { webauthnAuthentication } from "./sign-in/webauthn-authentication.ts";
import { webauthnRegistration } from "./sign-in/webauthn-registration.ts";
import { isCsrfTokenValid } from "./sign-in-state.ts";

export { upstreamCallbackPath } from "./sign-in/upstream-callback-url.ts";

/**
 * The sign-in of issue 4 (DESIGN.md pillar 2), page by page, each step a use case of
 * ./sign-in/ named after what it does:
 *
 * | page, action                    | step                                   |
 * | ------------------------------- | -------------------------------------- |
 * | open the interaction            | `beginSignIn` (single sign-on, or ask) |
 * | (1) email                       | `submitEmail` → `goToSource`           |
 * | (2) organisation list           | `submitOrganisation` → `goToSource`    |
 * | (3) password                    | `passwordPage`, `submitPassword`       |
 * | (3) upstream IdP                | `startUpstream`, `receiveUpstreamAnswer`, `continueAfterUpstream` |
 * | (4) identity → person           | `completeIdentity` → `continueWithPerson` |
 * | organisation chooser            | `affiliationChoices`, `chooseAffiliation` |
 * | service's policy, second factor | `authorizeService` → `concludeSignIn`  |
 * | second factor pages             | `secondFactorPage`, `totpEnrolment`, `confirmTotpEnrolment`, `verifyTotp`, `webauthnRegistration`, `registerWebauthn`, `webauthnAuthentication`, `verifyWebauthn` |
 * | the end                         | `finishSignIn` (to the provider), `abandonSignIn` |
 * | interaction expired meanwhile   | `answerExpiredSignIn` (an OAuth error to the service) |
 *
 * Single sign-on skips the source when the provider already has the person and the service asks
 * neither `prompt=login` nor more factors than the session has. Every outcome writes an audit
 * event (sign_in, sign_in_refused, sign_in_failed, mfa_enrolled, mfa_failed) with the request id
 * and IP. Errors are `EntenteError`s of the catalog (`identity.*`, `auth.csrf`); the pages show
 * their code.
 */
export function createSignInFlow(deps: SignInFlowDeps) {
  const kit = createStepKit(deps);
  return {
    begin: (ctx: SignInContext) => beginSignIn(kit, ctx),
    /** The anti-CSRF token of the interaction's forms. @throws `identity.interaction_expired`. */
    csrfToken: async (ctx: SignInContext) => (await kit.state(ctx)).csrf,
    /** @throws EntenteError `auth.csrf` when `token` is not the interaction's. */
    async verifyCsrf(ctx: SignInContext, token: string | undefined): Promise<void> {
      if (!isCsrfTokenValid(await kit.state(ctx), token)) throw new EntenteError("auth.csrf");
    },
    /** The organisation list of the service's entente (for the start page shown again after an error). */
    listOrganisations: async (ctx: SignInContext) =>
      deps.routing.listOrganisations((await kit.serviceOf(ctx)).ententeId),
    submitEmail: (ctx: SignInContext, email: string) => submitEmail(kit, ctx, email),
    submitOrganisation: (ctx: SignInContext, sourceId: string) => submitOrganisation(kit, ctx, sourceId),
    passwordPage: (ctx: SignInContext) => passwordPage(kit, ctx),
    submitPassword: (ctx: SignInContext, login: string, password: string) =>
      submitPassword(kit, ctx, login, password),
    startUpstream: (ctx: SignInContext) => startUpstream(kit, ctx),
    receiveUpstreamAnswer: (...args: DropKit<typeof receiveUpstreamAnswer>) =>
      receiveUpstreamAnswer(kit, ...args),
    continueAfterUpstream: (ctx: SignInContext) => continueAfterUpstream(kit, ctx),
    affiliationChoices: (ctx: SignInContext) => affiliationChoices(kit, ctx),
    chooseAffiliation: (ctx: SignInContext, memberId: string) => chooseAffiliation(kit, ctx, memberId),
    secondFactorPage: (ctx: SignInContext) => secondFactorPage(kit, ctx),
    totpEnrolment: (ctx: SignInContext) => totpEnrolment(kit, ctx),
    confirmTotpEnrolment: (ctx: SignInContext, code: string) => confirmTotpEnrolment(kit, ctx, code),
    verifyTotp: (ctx: SignInContext, code: string) => verifyTotp(kit, ctx, code),
    webauthnRegistration: (ctx: SignInContext) => webauthnRegistration(kit, ctx),
    registerWebauthn: (ctx: SignInContext, response: unknown, label: string) =>
      registerWebauthn(kit, ctx, response, label),
    webauthnAuthentication: (ctx: SignInContext) => webauthnAuthentication(kit, ctx),
    verifyWebauthn: (ctx: SignInContext, response: unknown) => verifyWebauthn(kit, ctx, response),
    finishSignIn: (ctx: SignInContext, exchange: InteractionExchange, result: SignInResult) =>
      finishSignIn(deps, ctx.details, exchange, result),
    abandon: (ctx: SignInContext, exchange: InteractionExchange) => abandonSignIn(kit, ctx, exchange),
    answerExpired: (...args: DropKit<typeof answerExpiredSignIn>) => answerExpiredSignIn(kit, ...args),
  };
}

/** The parameters of a step after its kit. */
type DropKit<F> = F extends (kit: never, ...rest: infer R) => unknown ? R : never;

/** The sign-in use cases (see `createSignInFlow`). */
export type SignInFlow = ReturnType<typeof createSignInFlow>;
