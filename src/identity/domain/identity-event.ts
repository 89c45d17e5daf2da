/** The identity audit log (issue 4): sign-ins, refusals, failures, logouts, second factors, keys. */

/** Kinds of events of the identity audit log. */
export type IdentityEventKind =
  | "sign_in"
  | "sign_in_refused"
  | "sign_in_failed"
  | "logout"
  | "mfa_enrolled"
  | "mfa_failed"
  | "token_issued"
  | "key_rotated";

/** One event of the identity audit log: who, for which member and service, through which source, with which code. */
export interface IdentityEvent {
  readonly kind: IdentityEventKind;
  readonly at: Date;
  readonly ententeId: string | null;
  readonly sub: string | null;
  readonly memberId: string | null;
  readonly clientId: string | null;
  readonly sourceId: string | null;
  /** Error code of the catalog for refusals and failures (`identity.service_refused`…). */
  readonly code: string | null;
  /** The request id support can quote (`x-request-id`). */
  readonly requestId: string | null;
  readonly ip: string | null;
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
}

/** An event as the log keeps it, with its id (the cursor of the console's pages). */
export type IdentityEventEntry = IdentityEvent & { readonly id: string };
