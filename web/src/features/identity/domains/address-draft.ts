import type { Translate } from "../../../shared/i18n/translate.ts";
import type { FormField } from "../components/form-problems.ts";

/** A registered address as the form edits it; an empty `sourceId` is the member's first source, an empty role the source's. */
export type AddressDraft = { email: string; memberId: string; sourceId: string; role: string; note: string };

/** A new address: for `memberId`, an élu's, by the member's first source. */
export const newAddressDraft = (memberId: string): AddressDraft => ({
  email: "",
  memberId,
  sourceId: "",
  role: "elu",
  note: "",
});

/** What the API expects: the source chosen or the member's first (`firstSourceId`), null for an empty role or note. */
export const toAddressBody = (draft: AddressDraft, firstSourceId: string | undefined) => ({
  email: draft.email,
  memberId: draft.memberId,
  sourceId: draft.sourceId || firstSourceId || "",
  role: draft.role === "" ? null : draft.role,
  note: draft.note.trim() === "" ? null : draft.note,
});

/** The inputs of the address form and the body paths they fill. */
export const addressFields = (t: Translate): FormField[] => [
  { id: "address-email", label: t("identity.email"), path: "email" },
  { id: "address-member", label: t("identity.member"), path: "memberId" },
  { id: "address-source", label: t("identity.source"), path: "sourceId" },
  { id: "address-role", label: t("identity.role"), path: "role" },
  { id: "address-note", label: t("identity.domains.note"), path: "note" },
];
