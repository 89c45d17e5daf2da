import type { OrganisationChoice } from "../../domain/organisation-choice.ts";
import type { PersonRole } from "../../domain/person.ts";
import type { InteractionDetails } from "../ports.ts";

/** One request of a sign-in: the interaction as the provider sees it, and who asks. */
export interface SignInContext {
  readonly details: InteractionDetails;
  /** The request id support can quote. */
  readonly requestId: string;
  readonly ip: string | null;
}

/** Who an audit event is about when there is no interaction (the SAML ACS runs without its cookie). */
export type AuditOrigin = SignInContext | { readonly requestId: string; readonly ip: string | null };

/** The person signed in: who, for which member, how strongly. */
export interface SignInResult {
  readonly sub: string;
  readonly memberId: string;
  readonly acr: string;
  readonly amr: readonly string[];
}

/** What the pages do next. `finish`: hand the result over to the provider (`finishSignIn`); `refused`: show the refusal page. */
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
      /** Whom to ask for access (text or URL); null: the entente's secretariat. */
      readonly contact: string | null;
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
