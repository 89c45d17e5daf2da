import { EntenteError, type Issue, ValidationError } from "../errors.ts";
import type { BudgetStatus } from "./budget-status.ts";
import type { Entente, Member, MemberKind, PublicAccountant } from "./entente.ts";
import { identityClashes } from "./member-identity.ts";
import { belongsIn, validateMember } from "./membership.ts";

/** A member as the console edits it (nulls for absent fields). */
export interface MemberInput {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly siren: string | null;
  readonly siret: string | null;
  readonly assembly: string | null;
  readonly from: number | null;
  readonly to: number | null;
  readonly accountant: PublicAccountant | null;
}

/** The domain's member from the console's input. */
export function toMember(input: MemberInput): Member {
  return {
    id: input.id,
    name: input.name,
    kind: input.kind as MemberKind,
    ...(input.siren === null ? {} : { siren: input.siren }),
    ...(input.siret === null ? {} : { siret: input.siret }),
    ...(input.assembly === null ? {} : { assembly: input.assembly }),
    ...(input.from === null ? {} : { from: input.from }),
    ...(input.to === null ? {} : { to: input.to }),
    ...(input.accountant === null ? {} : { accountant: input.accountant }),
  };
}

/**
 * SIREN and SIRET with their check digits, a SIRET of the SIREN, `to` ≥ `from` (membership.ts).
 * @throws ValidationError `member.*`, paths relative to the member (`siren`, `siret`, `to`).
 */
export function assertMemberValid(input: MemberInput): void {
  const issues = validateMember(toMember(input), 0).map((issue) => ({ ...issue, path: issue.path.slice(2) }));
  if (issues.length > 0) throw new ValidationError(issues);
}

/**
 * The member keeps an identity of its own among the entente's other members: no other member's
 * SIREN (nor a SIRET of it), no other member's name (member-identity.ts).
 * @throws EntenteError `member.siren_taken` or `member.name_taken` (HTTP 409), at the field.
 */
export function assertMemberIdentityFree(input: MemberInput, others: readonly MemberInput[]): void {
  const [clash] = identityClashes(toMember(input), others.map(toMember));
  if (clash !== undefined) throw new EntenteError(clash.code, clash.details, { path: clash.path });
}

/** The date that makes the change touch `year`: the one excluding it, else the one now including it. */
function fieldAt(before: Member | undefined, after: Member, year: number): "from" | "to" {
  if (after.from !== undefined && year < after.from) return "from";
  if (after.to !== undefined && year > after.to) return "to";
  return before === undefined || (before.from !== undefined && year < before.from) ? "from" : "to";
}

/**
 * A membership never changes a deliberated year: the member must belong, or not, to every year
 * whose budget is approved, ratifying or adopted exactly as before. A member joins from a year
 * still in preparation and leaves at the end of one (`member.membership_frozen`, at `from`/`to`).
 * @throws ValidationError `member.membership_frozen`.
 */
export function assertMembershipChange(
  entente: Entente,
  input: MemberInput,
  versions: readonly { readonly year: number; readonly status: BudgetStatus }[],
): void {
  const before = entente.members.find((m) => m.id === input.id);
  const after = toMember(input);
  const frozen = [...new Set(versions.filter((v) => v.status !== "draft").map((v) => v.year))];
  const issues: Issue[] = frozen
    .filter((year) => (before === undefined ? false : belongsIn(before, year)) !== belongsIn(after, year))
    .sort((a, b) => a - b)
    .map((year) => ({
      code: "member.membership_frozen",
      path: [fieldAt(before, after, year)],
      details: { member: input.name, year },
    }));
  if (issues.length > 0) throw new ValidationError(issues);
}
