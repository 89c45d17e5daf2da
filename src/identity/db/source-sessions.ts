import type { Redis } from "ioredis";
import { type Kysely, sql } from "kysely";
import type { IdentityDatabase } from "./tables.ts";

/** The `sub`s of the persons who signed in through `sourceId` (their links to it). */
export async function linkedSubsOfSource(db: Kysely<IdentityDatabase>, sourceId: string): Promise<string[]> {
  const rows = await db.selectFrom("person_link").select("sub").where("source_id", "=", sourceId).execute();
  return [...new Set(rows.map((r) => r.sub))];
}

/** The ids of the live provider sessions (`oidc_payload`, model Session) of these persons. */
export async function databaseSessionIdsOf(
  db: Kysely<IdentityDatabase>,
  subs: readonly string[],
  now: Date = new Date(),
): Promise<string[]> {
  if (subs.length === 0) return [];
  const rows = await db
    .selectFrom("oidc_payload")
    .select("id")
    .where("model", "=", "Session")
    .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", now)]))
    .where(sql<string>`payload->>'accountId'`, "in", [...subs])
    .execute();
  return rows.map((r) => r.id);
}

/** The ids of the provider sessions of these persons on Redis (the adapter's `account:` index). */
export async function redisSessionIdsOf(
  redis: Redis,
  prefix: string,
  subs: readonly string[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const sub of subs) ids.push(...(await redis.smembers(`${prefix}account:${sub}`)));
  return ids;
}

/** The source the person last signed in through (their most recently seen link) and their id there, or null. */
export async function lastSourceOf(
  db: Kysely<IdentityDatabase>,
  sub: string,
): Promise<{ readonly sourceId: string; readonly upstreamId: string } | null> {
  const row = await db
    .selectFrom("person_link")
    .select(["source_id", "upstream_id"])
    .where("sub", "=", sub)
    .orderBy("last_seen_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? null : { sourceId: row.source_id, upstreamId: row.upstream_id };
}

/** The person linked to (`sourceId`, `upstreamId`), or null. */
export async function subOfLink(
  db: Kysely<IdentityDatabase>,
  sourceId: string,
  upstreamId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom("person_link")
    .select("sub")
    .where("source_id", "=", sourceId)
    .where("upstream_id", "=", upstreamId)
    .executeTakeFirst();
  return row?.sub ?? null;
}
