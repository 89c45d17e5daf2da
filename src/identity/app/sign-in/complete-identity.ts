import type { SourceRecord } from "../../domain/identity-source.ts";
import type { PersonRecord } from "../../domain/person.ts";
import { normalizeIdentity } from "../../domain/pivot-identity.ts";
import type { UpstreamIdentity } from "../../domain/upstream-identity.ts";
import { EntenteError } from "../../errors.ts";
import type { FlowState } from "../sign-in-state.ts";
import { continueWithPerson } from "./continue-with-person.ts";
import type { SignInContext, SignInStep } from "./sign-in-step.ts";
import type { StepKit } from "./step-kit.ts";

/**
 * (4) What any source vouched for becomes a signed-in pivot person, or nobody: the identity must
 * come from this source, normalise (`normalizeIdentity`), and its email be one the source's member
 * may assert; then the directory resolves the person. A failure starts the sign-in over and is
 * recorded (`sign_in_refused` for an email the member does not own, else `sign_in_failed`).
 * @throws `identity.upstream_rejected`, `identity.attribute_missing`, `identity.email_domain_not_owned`.
 */
export async function completeIdentity(
  kit: StepKit,
  ctx: SignInContext,
  current: FlowState,
  source: SourceRecord,
  identity: UpstreamIdentity,
): Promise<SignInStep> {
  let person: PersonRecord;
  try {
    person = await resolveSignedInPerson(kit, source, identity);
  } catch (error) {
    await kit.save(ctx, { ...current, step: "start", upstream: null });
    return kit.failed(ctx, source, error);
  }
  return continueWithPerson(
    kit,
    ctx,
    { ...current, sub: person.sub, amr: identity.amr, upstream: null },
    person,
  );
}

async function resolveSignedInPerson(kit: StepKit, source: SourceRecord, identity: UpstreamIdentity) {
  if (identity.sourceId !== source.id) {
    throw new EntenteError("identity.upstream_rejected", { source: source.label, reason: "source mismatch" });
  }
  const normalized = normalizeIdentity(identity.attributes, source.mapping, source.label);
  if (!(await kit.deps.routing.mayAssertEmail(source, normalized.email))) {
    throw new EntenteError("identity.email_domain_not_owned", {
      source: source.label,
      email: normalized.email,
      member: source.memberId,
    });
  }
  // The role of a registered address (an élu's) is applied by the directory from the email the
  // source asserted, never from the address typed on the first page: whoever signs in at the
  // password page is the one whose registration counts.
  return kit.deps.people.resolvePerson(source, identity, normalized);
}
