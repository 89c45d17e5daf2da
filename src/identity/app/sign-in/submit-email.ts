import { isEmailAddress, normalizeEmail } from "../../domain/pivot-identity.ts";
import { EntenteError } from "../../errors.ts";
import { ensureStep } from "../sign-in-state.ts";
import { goToSource } from "./go-to-source.ts";
import type { SignInContext, SignInStep } from "./sign-in-step.ts";
import type { StepKit } from "./step-kit.ts";

/**
 * (1) An email: a registered address first (an élu's personal address), then its domain
 * (`routeEmail`); on to the source it leads to, with the role a registered address forces.
 * @throws `identity.email_invalid`, `identity.domain_unknown` (the page offers the list), `identity.source_disabled`.
 */
export async function submitEmail(kit: StepKit, ctx: SignInContext, email: string): Promise<SignInStep> {
  const current = await kit.state(ctx);
  ensureStep(current, "start", "password", "upstream");
  const address = normalizeEmail(email);
  if (!isEmailAddress(address)) throw new EntenteError("identity.email_invalid");
  const route = await kit.deps.routing.routeEmail(address);
  if (route === null)
    throw new EntenteError("identity.domain_unknown", {
      domain: address.slice(address.lastIndexOf("@") + 1),
    });
  if (!route.source.enabled)
    throw new EntenteError("identity.source_disabled", { source: route.source.label });
  return goToSource(kit, ctx, current, route.source, address, route.role);
}
