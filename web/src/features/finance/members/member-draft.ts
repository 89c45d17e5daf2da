import type { Member } from "../finance-types.ts";

/** A member as edited: every field as text (empty for none), membership years included. */
export type MemberDraft = ReturnType<typeof toMemberDraft>;

/** A member as the form edits it. */
export const toMemberDraft = (member: Member) => ({
  name: member.name,
  kind: member.kind,
  siren: member.siren ?? "",
  siret: member.siret ?? "",
  assembly: member.assembly ?? "",
  from: member.from === null ? "" : String(member.from),
  to: member.to === null ? "" : String(member.to),
  accountantOffice: member.accountant?.office ?? "",
  accountantCode: member.accountant?.code ?? "",
  accountantAddress: member.accountant?.address ?? "",
});

const orNull = (s: string) => (s.trim() === "" ? null : s.trim());
/** A year as typed: a number (the contract checks its range), null when empty, the text itself otherwise (refused by the contract). */
const yearOf = (s: string): number | string | null => {
  const text = s.trim();
  if (text === "") return null;
  return /^\d{1,4}$/.test(text) ? Number(text) : text;
};

/** The public accountant as the API takes it: null without an office, optional code and address. */
export const toAccountant = (draft: MemberDraft) => {
  const office = orNull(draft.accountantOffice);
  if (office === null && orNull(draft.accountantCode) === null && orNull(draft.accountantAddress) === null)
    return null;
  const code = orNull(draft.accountantCode);
  const address = orNull(draft.accountantAddress);
  return {
    office: office ?? "",
    ...(code === null ? {} : { code }),
    ...(address === null ? {} : { address }),
  };
};

/** The member's identity as the API expects it: trimmed identifiers and assembly, null when empty. */
const identityOf = (draft: MemberDraft) => ({
  name: draft.name,
  kind: draft.kind,
  siren: orNull(draft.siren),
  siret: orNull(draft.siret),
  assembly: orNull(draft.assembly),
});

/**
 * What `PUT …/members/:id` expects. The membership years and the accountant are sent only when
 * changed (absent: unchanged), so that a member's finance officer, who may not change them, can
 * still save its identity.
 */
export const toMemberBody = (draft: MemberDraft, member: Member) => {
  const before = toMemberDraft(member);
  const accountantChanged =
    draft.accountantOffice !== before.accountantOffice ||
    draft.accountantCode !== before.accountantCode ||
    draft.accountantAddress !== before.accountantAddress;
  return {
    ...identityOf(draft),
    ...(draft.from === before.from ? {} : { from: yearOf(draft.from) }),
    ...(draft.to === before.to ? {} : { to: yearOf(draft.to) }),
    ...(accountantChanged ? { accountant: toAccountant(draft) } : {}),
    rowVersion: member.rowVersion,
  };
};

/** A new member as edited: empty, joining from `from`. */
export const emptyMemberDraft = (from: number): MemberDraft => ({
  name: "",
  kind: "commune",
  siren: "",
  siret: "",
  assembly: "",
  from: String(from),
  to: "",
  accountantOffice: "",
  accountantCode: "",
  accountantAddress: "",
});

/** What `POST …/members` expects: the new member's id, identity, membership and accountant. */
export const toNewMemberBody = (id: string, draft: MemberDraft) => ({
  id: id.trim(),
  ...identityOf(draft),
  from: yearOf(draft.from),
  to: yearOf(draft.to),
  accountant: toAccountant(draft),
});
