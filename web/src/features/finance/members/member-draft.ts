import type { Member } from "../finance-types.ts";

/** A member as edited: every field as text (empty for none). */
export type MemberDraft = ReturnType<typeof toMemberDraft>;

/** A member as the form edits it. */
export const toMemberDraft = (member: Member) => ({
  name: member.name,
  kind: member.kind,
  siren: member.siren ?? "",
  siret: member.siret ?? "",
  assembly: member.assembly ?? "",
});

const orNull = (s: string) => (s.trim() === "" ? null : s.trim());

/** What the API expects: trimmed identifiers and assembly, null when empty. */
export const toMemberBody = (draft: MemberDraft, rowVersion: number) => ({
  name: draft.name,
  kind: draft.kind,
  siren: orNull(draft.siren),
  siret: orNull(draft.siret),
  assembly: orNull(draft.assembly),
  rowVersion,
});
