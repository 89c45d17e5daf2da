import { EntenteError, localized } from "../errors.ts";
import type { SourceInput, SourceRecord } from "./identity-source.ts";

/**
 * Rules of the identity sources' administration (docs/identity.md, "Identity sources").
 */

/**
 * The kind and the member of a source never change: the pivot ids of the persons who signed in
 * through it depend on them (another directory, another member: create another source).
 * @throws EntenteError `identity.source_invalid` naming the field.
 */
export function ensureSourceKeepsItsIdentity(before: SourceRecord, input: SourceInput): void {
  for (const field of ["kind", "memberId"] as const) {
    if (before[field] !== input[field]) {
      throw new EntenteError("identity.source_invalid", {
        field,
        expected: localized(
          `ne peut pas changer (« ${before[field]} ») : les identifiants pivot des personnes en dépendent ; créez une autre source`,
          `cannot change ("${before[field]}"): the persons' pivot ids depend on it; create another source`,
        ),
      });
    }
  }
}

/**
 * A domain or an address leads to a source of its own member only.
 * @param source the source `sourceId` as found in the entente (null: none).
 * @throws EntenteError `identity.source_not_found`, `identity.source_invalid` (a source of another member).
 */
export function ensureSourceOfMember(
  source: { readonly memberId: string } | null,
  sourceId: string,
  memberId: string,
): void {
  if (source === null) throw new EntenteError("identity.source_not_found", { id: sourceId });
  if (source.memberId !== memberId) {
    throw new EntenteError("identity.source_invalid", {
      field: "sourceId",
      expected: localized(
        `la source « ${sourceId} » n'est pas une source de ce membre`,
        `the source "${sourceId}" is not a source of this member`,
      ),
    });
  }
}

/**
 * A source persons already signed in through is kept (their pivot ids are linked to it): disable it instead.
 * @throws EntenteError `identity.source_in_use` with the number of persons linked.
 */
export function ensureSourceUnused(source: SourceRecord, linkedPersons: number): void {
  if (linkedPersons > 0) {
    throw new EntenteError("identity.source_in_use", { source: source.label, count: linkedPersons });
  }
}
