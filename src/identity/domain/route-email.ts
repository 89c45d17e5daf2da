import type { SourceRecord } from "./identity-source.ts";
import type { PersonRole } from "./person.ts";

/**
 * Where an email leads at sign-in, and which emails a source may assert (DESIGN.md pillar 2,
 * docs/identity.md "Routing"). Pure: the directory loads the facts of one address
 * (`EmailFacts`), these functions decide.
 */

/** What the directory knows of one (normalised) email address. */
export interface EmailFacts {
  /** The address registered by the secretariat, with its member and source; null: none. */
  readonly registered: {
    readonly ententeId: string;
    readonly memberId: string;
    readonly memberName: string;
    readonly role: PersonRole | null;
    readonly source: SourceRecord;
  } | null;
  /** The member that owns the address's domain; null: no member does (or no domain). */
  readonly domain: {
    readonly ententeId: string;
    readonly memberId: string;
    readonly memberName: string;
    /** The source the domain was given, when it was given one and it still exists. */
    readonly domainSource: SourceRecord | null;
    /** Every source of the member, oldest first (created, then id). */
    readonly memberSources: readonly SourceRecord[];
  } | null;
}

/** Where an email (or a chosen organisation) leads at sign-in. */
export interface SignInRoute {
  readonly ententeId: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly source: SourceRecord;
  /** `registered-address`: a personal address the secretariat registered (typically an élu's); `domain`: the member owns the email's domain. */
  readonly via: "domain" | "registered-address" | "organisation";
  /** Role forced by a registered address (`elu`), else null (the source's mapping decides). */
  readonly role: PersonRole | null;
}

/**
 * A registered address first (it names its source and may force the role), then the email's
 * domain: the domain's own source, else the member's first enabled source, else its first
 * source. null when neither is known, or the member has no source. A disabled source is still
 * routed to (the flow says it is suspended).
 */
export function routeEmail(facts: EmailFacts): SignInRoute | null {
  const { registered, domain } = facts;
  if (registered !== null) {
    const { source, memberName, role } = registered;
    // The address leads to its source; the source's member is the address's (checked when registered).
    const { ententeId, memberId } = source;
    return { ententeId, memberId, memberName, source, via: "registered-address", role };
  }
  if (domain === null) return null;
  const source = domain.domainSource ?? firstSourceOf(domain.memberSources);
  if (source === null) return null;
  return {
    ententeId: domain.ententeId,
    memberId: domain.memberId,
    memberName: domain.memberName,
    source,
    via: "domain",
    role: null,
  };
}

/** The member's first enabled source, else its first source (in the order given: oldest first). */
function firstSourceOf(sources: readonly SourceRecord[]): SourceRecord | null {
  return sources.find((s) => s.enabled) ?? sources[0] ?? null;
}

/**
 * Whether a source of (`ententeId`, `memberId`) may assert this email: the address is registered
 * for that member — and, when `asserter.id` is given (a source signing someone in), for that very
 * source —, or it is registered for nobody and the member owns its domain (issue 4: "a source may
 * only assert emails of domains its member owns"; issue 10, item 7: a registered address is never
 * the domain owner's nor another source's — registered addresses win, as in `routeEmail`). A
 * sub-domain is another domain. Without `id` (an affiliation the secretariat declares), the
 * member is checked.
 */
export function mayAssertEmail(
  facts: EmailFacts,
  asserter: { readonly ententeId: string; readonly memberId: string; readonly id?: string },
): boolean {
  const isOf = (owner: { readonly ententeId: string; readonly memberId: string } | null) =>
    owner !== null && owner.ententeId === asserter.ententeId && owner.memberId === asserter.memberId;
  const { registered } = facts;
  if (registered === null) return isOf(facts.domain);
  return isOf(registered) && (asserter.id === undefined || registered.source.id === asserter.id);
}

/**
 * The role of the affiliation a sign-in refreshes: a registered address of the source's member
 * that forces a role wins over the role the mapping decided. The address is the one the source
 * asserted (never the one typed on the first page: whoever signs in is the one whose
 * registration counts).
 */
export function roleAtSignIn(
  registered: EmailFacts["registered"],
  source: { readonly ententeId: string; readonly memberId: string },
  mappedRole: PersonRole,
): PersonRole {
  const ofSource =
    registered !== null &&
    registered.ententeId === source.ententeId &&
    registered.memberId === source.memberId;
  return (ofSource ? registered.role : null) ?? mappedRole;
}
