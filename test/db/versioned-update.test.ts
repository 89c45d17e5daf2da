import assert from "node:assert/strict";
import { before, it } from "node:test";
import { type Kysely, sql } from "kysely";
import { runVersionedUpdate } from "../../src/platform/db/versioned-update.ts";
import { type Localized, localized } from "../../src/platform/errors.ts";
import { EntenteError } from "../../src/shared/errors.ts";
import { describeOnDatabases } from "../helpers/databases.ts";

interface Note {
  readonly id: string;
  readonly text: string;
  readonly rowVersion: number;
}
interface Scratch {
  scratch_note: { id: string; text: string; row_version: number };
  audit_event: { entity: string; entity_id: string; before: unknown; after: unknown; action: string };
}

const WHAT: Localized = localized("la note", "the note");
const actor = { id: "tester", label: "test" };
const isCode = (code: string) => (e: unknown) => e instanceof EntenteError && e.code === code;

/** A versioned change of the scratch note's text, as a store writes it. */
function changeText(id: string, text: string, expectedVersion: number, afterUpdate?: () => Promise<void>) {
  return {
    what: WHAT,
    id,
    expectedVersion,
    audit: { actor, ententeId: null, entity: "scratch_note" },
    load: async (trx: Kysely<Scratch>) => {
      const row = await trx.selectFrom("scratch_note").selectAll().where("id", "=", id).executeTakeFirst();
      return row === undefined ? undefined : { id: row.id, text: row.text, rowVersion: row.row_version };
    },
    update: async (trx: Kysely<Scratch>) =>
      (
        await trx
          .updateTable("scratch_note")
          .set({ text, row_version: sql`row_version + 1` })
          .where("id", "=", id)
          .where("row_version", "=", expectedVersion)
          .executeTakeFirst()
      ).numUpdatedRows,
    ...(afterUpdate === undefined ? {} : { afterUpdate }),
  };
}

describeOnDatabases(
  "runVersionedUpdate: the one optimistic-concurrency write with its audit event",
  (get) => {
    let db: Kysely<Scratch>;
    before(async () => {
      db = get().db as Kysely<Scratch>;
      await sql`CREATE TABLE scratch_note (id text PRIMARY KEY, text text NOT NULL, row_version integer NOT NULL DEFAULT 1)`.execute(
        db,
      );
      await sql`INSERT INTO scratch_note (id, text) VALUES ('n1', 'first')`.execute(db);
    });

    it("writes, bumps the version, returns the record read back and audits before and after", async () => {
      const after = await runVersionedUpdate<Scratch, Note>(db, changeText("n1", "second", 1));
      assert.deepEqual(after, { id: "n1", text: "second", rowVersion: 2 });
      const event = await db
        .selectFrom("audit_event")
        .selectAll()
        .where("entity", "=", "scratch_note")
        .executeTakeFirstOrThrow();
      assert.equal(event.action, "update");
      assert.equal(event.entity_id, "n1");
      assert.deepEqual(event.before, { id: "n1", text: "first", rowVersion: 1 });
      assert.deepEqual(event.after, { id: "n1", text: "second", rowVersion: 2 });
    });

    it("refuses a change made from an older version (409), and writes nothing", async () => {
      await assert.rejects(
        runVersionedUpdate<Scratch, Note>(db, changeText("n1", "stale", 1)),
        isCode("conflict.stale_version"),
      );
      const row = await db
        .selectFrom("scratch_note")
        .selectAll()
        .where("id", "=", "n1")
        .executeTakeFirstOrThrow();
      assert.equal(row.text, "second");
    });

    it("answers resource.not_found for a record that does not exist", async () => {
      await assert.rejects(
        runVersionedUpdate<Scratch, Note>(db, changeText("nope", "x", 1)),
        isCode("resource.not_found"),
      );
    });

    it("rolls the whole change back when a later write fails (nothing half-written, no audit event)", async () => {
      const events = async () =>
        (
          await db
            .selectFrom("audit_event")
            .select("entity_id")
            .where("entity", "=", "scratch_note")
            .execute()
        ).length;
      const before = await events();
      const failing = changeText("n1", "third", 2, async () => {
        throw new Error("child write failed");
      });
      await assert.rejects(runVersionedUpdate<Scratch, Note>(db, failing), /child write failed/);
      const row = await db
        .selectFrom("scratch_note")
        .selectAll()
        .where("id", "=", "n1")
        .executeTakeFirstOrThrow();
      assert.deepEqual([row.text, row.row_version], ["second", 2]);
      assert.equal(await events(), before);
    });

    it("lets exactly one of two concurrent changes from the same version win", async () => {
      const results = await Promise.allSettled([
        runVersionedUpdate<Scratch, Note>(db, changeText("n1", "left", 2)),
        runVersionedUpdate<Scratch, Note>(db, changeText("n1", "right", 2)),
      ]);
      assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
      const rejected = results.find((r) => r.status === "rejected");
      assert.ok(rejected !== undefined && isCode("conflict.stale_version")(rejected.reason));
    });
  },
);
