import { compareCatalogueEntries } from "../domain/catalogue-entry.ts";
import { isInForce } from "../domain/subscription.ts";
import type { MemberRef, WorkplaceDeps } from "./ports.ts";

/**
 * The public launcher feed of a member's intranet (issue 11 §4), compatible with La Suite's
 * "La Gaufre" v2 widget and ANCT Deploy Center's `GET /api/v1.0/lagaufre/services/`: the member
 * is chosen by `siret` (14 digits) or `siren` (9 digits), the entente by `operator` (its id) when
 * the identifier is found in several. Services of the member's entente that are enabled, the
 * subscribed ones (in force today) first, then by display order.
 */
export interface LauncherQuery {
  readonly siret?: string | undefined;
  readonly siren?: string | undefined;
  readonly operator?: string | undefined;
}

export interface LauncherService {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly maturity: string;
  readonly logo: string;
  readonly subscribed: boolean;
}

/** The answer: the feed, or an error with its HTTP status (400 malformed or ambiguous, 404 unknown). */
export type LauncherAnswer =
  | {
      readonly ok: true;
      readonly organization: { readonly name: string; readonly type: string; readonly siret: string | null };
      readonly services: readonly LauncherService[];
    }
  | { readonly ok: false; readonly status: 400 | 404; readonly error: string };

const fail = (status: 400 | 404, error: string): LauncherAnswer => ({ ok: false, status, error });

/** The identifier asked for, or why the query is malformed. */
function identifierOf(query: LauncherQuery): { siret: string } | { siren: string } | string {
  if (query.siret !== undefined && query.siren !== undefined) return "give siret or siren, not both";
  if (query.siret !== undefined)
    return /^\d{14}$/.test(query.siret) ? { siret: query.siret } : "siret must be 14 digits";
  if (query.siren !== undefined)
    return /^\d{9}$/.test(query.siren) ? { siren: query.siren } : "siren must be 9 digits";
  return "missing siret or siren parameter";
}

/** Picks the member: one match, or the one of the `operator` entente; else why not. */
function pickMember(found: readonly MemberRef[], operator: string | undefined): MemberRef | LauncherAnswer {
  const candidates = operator === undefined ? found : found.filter((m) => m.ententeId === operator);
  const [first, second] = candidates;
  if (first === undefined) return fail(404, "organization not found");
  if (second !== undefined) return fail(400, "several organizations match: add operator=<entente id>");
  return first;
}

/** Today's UTC day, `YYYY-MM-DD`. */
export const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** Address of a service's logo (uploaded or monogram), versioned so that caches follow a change. */
export const logoUrl = (publicUrl: string, clientId: string, version: number) =>
  `${publicUrl}/api/workplace/logos/${encodeURIComponent(clientId)}?v=${version}`;

/** The launcher feed for `query`; never throws for a bad query (the answer says why). */
export async function launcherFeed(deps: WorkplaceDeps, query: LauncherQuery): Promise<LauncherAnswer> {
  const identifier = identifierOf(query);
  if (typeof identifier === "string") return fail(400, identifier);
  const member = pickMember(await deps.members.findByIdentifier(identifier), query.operator);
  if ("ok" in member) return member;
  const [entries, subscriptions] = await Promise.all([
    deps.catalogue.list(member.ententeId),
    deps.subscriptions.listForMember(member.ententeId, member.id),
  ]);
  const today = dayOf(deps.clock.now());
  const subscribed = new Set(subscriptions.filter((s) => isInForce(s, today)).map((s) => s.clientId));
  const services = entries
    .filter((e) => e.enabled)
    .sort(
      (a, b) =>
        Number(subscribed.has(b.clientId)) - Number(subscribed.has(a.clientId)) ||
        compareCatalogueEntries(a, b),
    )
    .map((e) => ({
      id: e.clientId,
      name: e.name,
      url: e.url,
      maturity: e.maturity,
      logo: logoUrl(deps.publicUrl, e.clientId, e.rowVersion),
      subscribed: subscribed.has(e.clientId),
    }));
  return { ok: true, organization: { name: member.name, type: member.kind, siret: member.siret }, services };
}
