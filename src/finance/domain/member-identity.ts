import type { Issue } from "../errors.ts";
import type { Member } from "./entente.ts";

/**
 * The fields of a member that say *who* it is and *when* it belongs: the secretariat's to edit
 * (it records the conference's decisions). A member's own finance officer edits only the fields
 * of {@link FIELDS_OF_OWN_FINANCE_OFFICER}: its public accountant's references (DGFiP), which the
 * fund calls print. A finance officer who could rename its member or change its SIREN could take
 * another member's place in the launcher feed (`?siret=`) and the entitlements.
 */
export const IDENTITY_FIELDS = ["name", "kind", "siren", "siret", "assembly", "from", "to"] as const;

/** What a member's finance officer may change on its own member. */
export const FIELDS_OF_OWN_FINANCE_OFFICER = ["accountant"] as const;

export type IdentityField = (typeof IDENTITY_FIELDS)[number];

/** The identity fields (IDENTITY_FIELDS) whose value `after` changes from `before`, in that order. */
export function identityFieldsChanged(
  before: Readonly<Record<IdentityField, unknown>>,
  after: Readonly<Record<IdentityField, unknown>>,
): IdentityField[] {
  return IDENTITY_FIELDS.filter((field) => (before[field] ?? null) !== (after[field] ?? null));
}

/**
 * A name as two members' names are compared: without accents, case or repeated spaces
 * (« Ville de Lyon » = « VILLE  DE LYON » = « Ville de Lyön »).
 */
export function comparableName(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase("fr").replace(/\s+/g, " ").trim();
}

/** The SIREN a member is known by: its SIREN, else its SIRET's first 9 digits. */
function sirenOf(member: Pick<Member, "siren" | "siret">): string | undefined {
  return member.siren ?? member.siret?.slice(0, 9);
}

/**
 * Whether `member` takes the identity of another member of the same entente: the same SIREN (a
 * SIRET's SIREN counts, so a SIRET may not be an establishment of another member) —
 * `member.siren_taken`, at `siren` (or `siret` when the member has no SIREN); the same name,
 * accents, case and spaces aside — `member.name_taken`, at `name`. Paths are relative to the
 * member. Two members are two organisations: the launcher feed and the entitlements find a
 * member by its SIRET and its name.
 */
export function identityClashes(member: Member, others: readonly Member[]): Issue[] {
  const issues: Issue[] = [];
  const siren = sirenOf(member);
  const sameSiren =
    siren === undefined ? undefined : others.find((o) => o.id !== member.id && sirenOf(o) === siren);
  if (sameSiren !== undefined)
    issues.push({
      code: "member.siren_taken",
      path: [member.siren === undefined ? "siret" : "siren"],
      details: { member: member.name, siren: siren ?? "", other: sameSiren.name },
    });
  const name = comparableName(member.name);
  const sameName = others.find((o) => o.id !== member.id && comparableName(o.name) === name);
  if (sameName !== undefined)
    issues.push({
      code: "member.name_taken",
      path: ["name"],
      details: { member: member.name, other: sameName.name },
    });
  return issues;
}

/** Every member that takes the identity of one listed before it (identityClashes), at `members[i]`. */
export function checkMemberIdentities(members: readonly Member[]): Issue[] {
  return members.flatMap((member, m) =>
    identityClashes(member, members.slice(0, m)).map((issue) => ({
      ...issue,
      path: ["members", m, ...issue.path],
    })),
  );
}
