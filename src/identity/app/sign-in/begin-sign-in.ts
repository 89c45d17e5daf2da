import { acrOfMethods, neededAcrOf, needsStrongerAuthentication } from "../../domain/authentication-level.ts";
import { newFlowState } from "../sign-in-state.ts";
import { continueWithPerson } from "./continue-with-person.ts";
import type { SignInContext, SignInStep } from "./sign-in-step.ts";
import type { StepKit } from "./step-kit.ts";

/**
 * Opens the sign-in page of an interaction: single sign-on when possible (the provider's session
 * knows the person, the service asks no `prompt=login`, and the session is strong enough), else
 * the email field and the organisation list (the members of the service's entente only). A person
 * left with no affiliation (their sources suspended since) signs in again. A fresh state keeps the
 * anti-CSRF token of a
 * previous one (a reload keeps the forms valid).
 */
export async function beginSignIn(kit: StepKit, ctx: SignInContext): Promise<SignInStep> {
  const previous = await kit.find(ctx);
  const created = newFlowState(ctx.details.uid);
  const fresh = { ...created, csrf: previous?.csrf ?? created.csrf, returnTo: ctx.details.returnTo };
  const { sessionSub, sessionAmr, prompts, requestedAcr } = ctx.details;
  const client = await kit.serviceOf(ctx);
  if (sessionSub !== null && !prompts.includes("login")) {
    const person = await kit.deps.people.findPerson(sessionSub);
    const strongEnough = !needsStrongerAuthentication(
      neededAcrOf(requestedAcr, client.requiredAcr),
      acrOfMethods(sessionAmr),
    );
    // Every affiliation came through sources suspended since: the session no longer vouches for anyone.
    if (person !== null && person.affiliations.length > 0 && strongEnough) {
      return continueWithPerson(kit, ctx, { ...fresh, sub: person.sub, amr: sessionAmr, sso: true }, person);
    }
  }
  await kit.save(ctx, fresh);
  return {
    kind: "ask-email",
    loginHint: ctx.details.loginHint,
    organisations: await kit.deps.routing.listOrganisations(client.ententeId),
  };
}
