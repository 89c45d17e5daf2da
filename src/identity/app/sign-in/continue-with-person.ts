import { decideAffiliation } from "../../domain/affiliation-choice.ts";
import type { PersonRecord } from "../../domain/person.ts";
import type { FlowState } from "../sign-in-state.ts";
import { authorizeService } from "./authorize-service.ts";
import type { SignInContext, SignInStep } from "./sign-in-step.ts";
import type { StepKit } from "./step-kit.ts";

/**
 * The person is known (signed in, or by single sign-on): the organisation they act for decides
 * what follows (`decideAffiliation`) — the chooser when several, a refusal (`member`) when none
 * in the service's entente, the service's policy for the only one.
 */
export async function continueWithPerson(
  kit: StepKit,
  ctx: SignInContext,
  current: FlowState,
  person: PersonRecord,
): Promise<SignInStep> {
  const client = await kit.serviceOf(ctx);
  const decision = decideAffiliation(person, client.ententeId);
  switch (decision.kind) {
    case "choose":
      await kit.save(ctx, { ...current, step: "choose-affiliation", choices: [...decision.memberIds] });
      return { kind: "choose-affiliation" };
    case "none":
      await kit.save(ctx, { ...current, step: "refused" });
      await kit.audit(ctx, "sign_in_refused", {
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
        contact: null,
      };
    case "one":
      return authorizeService(kit, ctx, current, client, person.sub, decision.affiliation);
  }
}
