import { isPasswordSource, type SourceRecord } from "../../domain/identity-source.ts";
import type { PersonRole } from "../../domain/person.ts";
import type { FlowState } from "../sign-in-state.ts";
import type { SignInContext } from "./sign-in-step.ts";
import type { StepKit } from "./step-kit.ts";

/** The first step at a source: the password page (LDAP, local accounts) or the redirect to its IdP (OIDC, SAML). */
export async function goToSource(
  kit: StepKit,
  ctx: SignInContext,
  current: FlowState,
  source: SourceRecord,
  login: string | null,
  role: PersonRole | null,
) {
  const kind = isPasswordSource(source.kind) ? "password" : "upstream";
  await kit.save(ctx, {
    ...current,
    step: kind,
    sourceId: source.id,
    login,
    forcedRole: role,
    upstream: null,
  });
  return { kind } as const;
}
