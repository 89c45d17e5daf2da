import { type Kysely, sql } from "kysely";
import { recordAudit } from "../../platform/db/record-audit.ts";
import type { EntenteStore, EntenteSummary } from "../app/ports/entente-store.ts";
import type { BudgetStatus } from "../domain/budget-status.ts";
import type { Entente } from "../domain/entente.ts";
import { EntenteError } from "../errors.ts";
import { applyEntente, type StoredIds } from "./apply-entente.ts";
import { insertEntente } from "./insert-entente.ts";
import { loadEntente } from "./load-entente.ts";
import type { FinanceDatabase } from "./tables.ts";

/** Every entente with its number of members and its exercises' years. */
async function listEntentes(db: Kysely<FinanceDatabase>): Promise<EntenteSummary[]> {
  const ententes = await db.selectFrom("entente").select(["id", "name"]).orderBy("id").execute();
  const members = await db
    .selectFrom("member")
    .select(["entente_id", sql<number>`count(*)::int`.as("n")])
    .groupBy("entente_id")
    .execute();
  const years = await db.selectFrom("exercise").select(["entente_id", "year"]).orderBy("year").execute();
  return ententes.map((e) => ({
    id: e.id,
    name: e.name,
    members: members.find((m) => m.entente_id === e.id)?.n ?? 0,
    years: years.filter((y) => y.entente_id === e.id).map((y) => y.year),
  }));
}

type Db = Kysely<FinanceDatabase>;

/** The id of the entente's latest audit event, as text (the audit_event_entente_id index); null: none. */
async function readStamp(db: Db, id: string): Promise<string | null> {
  const row = await db
    .selectFrom("audit_event")
    .select((eb) => eb.fn.max("id").as("stamp"))
    .where("entente_id", "=", id)
    .executeTakeFirst();
  return row?.stamp == null ? null : String(row.stamp);
}

/** The latest budget version's status of every exercise of entente `id` (`adopted` once one version is). */
async function latestStatuses(trx: Db, id: string): Promise<Map<number, BudgetStatus>> {
  const rows = await trx
    .selectFrom("budget_version")
    .select(["year", "status"])
    .where("entente_id", "=", id)
    .orderBy("year")
    .orderBy("number")
    .execute();
  // A year with an adopted version stays adopted while an amending budget is prepared: the file
  // never rewrites adopted figures (keys, missions), whatever the DM's status.
  const statuses = new Map<number, BudgetStatus>();
  for (const r of rows)
    if (statuses.get(r.year) !== "adopted") statuses.set(r.year, r.status as BudgetStatus);
  return statuses;
}

/** The ids of the members, keys and missions stored for entente `id`. */
async function storedIds(trx: Db, id: string): Promise<StoredIds> {
  const ids = async (table: "member" | "allocation_key" | "mission") =>
    new Set(
      (await trx.selectFrom(table).select("id").where("entente_id", "=", id).execute()).map((r) => r.id),
    );
  return { members: await ids("member"), keys: await ids("allocation_key"), missions: await ids("mission") };
}

/**
 * PostgreSQL/PGlite implementation of `EntenteStore`: maps the domain model to the tables of
 * migrations/0001_init.sql (insert-entente.ts) and back (load-entente.ts). An import is one
 * transaction.
 */
export function createEntenteStore(db: Kysely<FinanceDatabase>): EntenteStore {
  // The model read from ~12 tables, cached per entente and per stamp: the id of its latest audit
  // event, which every change writes in its own transaction. One indexed query tells whether the
  // cache is current, on any node (another node's write changes the stamp too).
  const cache = new Map<string, { stamp: string; entente: Entente }>();
  const loading = new Map<string, { stamp: string; entente: Promise<Entente> }>();
  return {
    async hasEntente(id) {
      const row = await db.selectFrom("entente").select("id").where("id", "=", id).executeTakeFirst();
      return row !== undefined;
    },

    listEntentes: () => listEntentes(db),

    async importEntente(id, entente, actor) {
      await db.transaction().execute(async (trx) => {
        const exists = await trx.selectFrom("entente").select("id").where("id", "=", id).executeTakeFirst();
        if (exists) throw new EntenteError("entente.already_exists", { id });
        await insertEntente(trx, id, entente);
        await recordAudit(trx, {
          actor,
          ententeId: id,
          action: "import",
          entity: "entente",
          entityId: id,
          after: { name: entente.name, members: entente.members.length },
        });
      });
    },

    async applyEntente(id, next, actor, rule) {
      await db.transaction().execute(async (trx) => {
        const exists = await trx
          .selectFrom("entente")
          .select("id")
          .where("id", "=", id)
          .forUpdate()
          .executeTakeFirst();
        if (!exists) throw new EntenteError("entente.not_found", { id });
        const openYears = rule(await latestStatuses(trx, id));
        await applyEntente(trx, id, next, await storedIds(trx, id), openYears);
        await recordAudit(trx, {
          actor,
          ententeId: id,
          action: "apply-file",
          entity: "entente",
          entityId: id,
          after: { name: next.name, members: next.members.length, years: [...openYears] },
        });
      });
    },

    stamp: (id) => readStamp(db, id),
    loadEntenteDraft: (id, year, number) =>
      loadEntente(db, id, { year, ...(number === undefined ? {} : { number }) }),
    async loadEntente(id) {
      const stamp = await readStamp(db, id);
      const cached = cache.get(id);
      if (stamp !== null && cached !== undefined && cached.stamp === stamp) return cached.entente;
      if (stamp === null) return loadEntente(db, id);
      // Concurrent requests for one version share one load (and so one model, whose computed
      // report the use cases cache): 50 dashboards at once no longer load and compute 50 times.
      const pending = loading.get(id);
      if (pending !== undefined && pending.stamp === stamp) return pending.entente;
      const entente = loadEntente(db, id);
      loading.set(id, { stamp, entente });
      try {
        const loaded = await entente;
        cache.set(id, { stamp, entente: loaded });
        return loaded;
      } finally {
        if (loading.get(id)?.entente === entente) loading.delete(id);
      }
    },
  };
}
