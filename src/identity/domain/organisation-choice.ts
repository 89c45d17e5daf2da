import type { SourceKind } from "./identity-source.ts";

/** Organisations offered on the sign-in page's list ("choisir mon organisation"): members with an enabled source. */
export interface OrganisationChoice {
  readonly ententeId: string;
  readonly ententeName: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly sources: readonly { readonly id: string; readonly label: string; readonly kind: SourceKind }[];
}
