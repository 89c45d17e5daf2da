import assert from "node:assert/strict";
import { before, it } from "node:test";
import { sql } from "kysely";
import { describeOnDatabases } from "../helpers/databases.ts";
import {
  entryBody,
  METROPOLE_SIRET,
  startWorkplaceFixture,
  subscriptionBody,
  VILLE_SIRET,
  type WorkplaceFixture,
} from "./workplace-fixtures.ts";

const API = "/api/ententes/lyon/workplace";
const ENTITLEMENTS = "/api/v1.0/entitlements/";

/**
 * Entitlements decided per person (issue 11 §2, "subscriptions are the access policy"): a user's
 * `can_access` only for a person of the directory affiliated with the member named by the SIRET,
 * whom the subscription's dates, roles and groups admit — never for any email.
 */
describeOnDatabases("entitlements decided per person", (get) => {
  let f: WorkplaceFixture;
  const ids = { drive: "", visio: "" };
  const keys = { drive: "", visio: "" };

  const addPerson = async (sub: string, memberId: string, email: string, role: string, groups: string[]) => {
    await sql`INSERT INTO person (sub, given_name, family_name, usual_name, created_at, updated_at)
      VALUES (${sub}, 'Prénom', 'Nom', 'Nom', now(), now())`.execute(get().db);
    await sql`INSERT INTO person_affiliation (sub, entente_id, member_id, role, source_id, declared_by, email, uid, groups)
      VALUES (${sub}, 'lyon', ${memberId}, ${role}, NULL, 'secretariat', ${email}, ${sub},
        ${JSON.stringify(groups)}::jsonb)`.execute(get().db);
  };

  before(async () => {
    f = await startWorkplaceFixture(get(), () => new Date("2026-01-15T10:00:00Z"));
    const { secretariat } = f.clients;
    ids.drive = await f.registerClient("lyon", "Fichiers");
    ids.visio = await f.registerClient("lyon", "Visio");
    for (const [id, kind, order] of [
      [ids.drive, "files", 1],
      [ids.visio, "video", 2],
    ] as const) {
      assert.equal(
        (await secretariat.send("POST", `${API}/services`, entryBody(id, kind, order))).status,
        201,
      );
    }
    const put = async (service: string, member: string, body: object) => {
      const reply = await secretariat.send("PUT", `${API}/services/${service}/subscriptions/${member}`, body);
      assert.equal(reply.status, 200, JSON.stringify(reply.json()));
    };
    await put(ids.drive, "ville-lyon", subscriptionBody());
    await put(ids.drive, "metropole", subscriptionBody({ groups: ["DSI"] }));
    await put(ids.visio, "ville-lyon", subscriptionBody({ endsOn: "2025-12-31" }));
    await put(ids.visio, "metropole", subscriptionBody({ roles: ["elu"] }));
    keys.drive = (
      await secretariat.send("POST", `${API}/services/${ids.drive}/service-key`)
    ).json().serviceKey;
    keys.visio = (
      await secretariat.send("POST", `${API}/services/${ids.visio}/service-key`)
    ).json().serviceKey;
    await addPerson("sub-jean", "ville-lyon", "jean.dupont@ville-lyon.test", "agent", []);
    await addPerson("sub-marie", "metropole", "marie@grandlyon.test", "agent", ["DSI"]);
    await addPerson("sub-paul", "metropole", "paul@grandlyon.test", "agent", ["Finances"]);
    await addPerson("sub-elue", "metropole", "elue@grandlyon.test", "elu", ["dsi"]);
  });

  const ask = async (service: "drive" | "visio", siret: string, account: string) => {
    const reply = await f.app.inject({
      method: "GET",
      url: `${ENTITLEMENTS}?service_id=${ids[service]}&siret=${siret}&${account}`,
      headers: { "x-service-auth": `Bearer ${keys[service]}` },
    });
    assert.equal(reply.statusCode, 200, reply.body);
    return reply.json();
  };
  const user = (email: string) => `account_type=user&account_email=${encodeURIComponent(email)}`;

  it("an unknown email gets nothing, even where the subscription limits no role or group", async () => {
    const answer = await ask("drive", VILLE_SIRET, user("nobody@nowhere.fr"));
    assert.equal(answer.entitlements.can_access, false);
    assert.equal(answer.entitlements.can_upload, false);
    assert.equal(answer.entitlements.can_upload_reason, "not_activated");
    const unknownSub = await ask("drive", VILLE_SIRET, "account_type=user&account_id=sub-nobody");
    assert.equal(unknownSub.entitlements.can_access, false);
    const organisation = await ask("drive", VILLE_SIRET, "account_type=organization");
    assert.equal(organisation.entitlements.can_access, true, "the organisation is still answered for");
    assert.deepEqual(organisation.organization, {
      id: "ville-lyon",
      type: "commune",
      name: "Ville de Lyon",
      oidc_valid: true,
    });
  });

  it("a person of another member is refused with that member's SIRET", async () => {
    assert.equal(
      (await ask("drive", METROPOLE_SIRET, user("jean.dupont@ville-lyon.test"))).entitlements.can_access,
      false,
    );
    assert.equal(
      (await ask("drive", VILLE_SIRET, user("marie@grandlyon.test"))).entitlements.can_access,
      false,
    );
    assert.equal(
      (await ask("drive", VILLE_SIRET, "account_type=user&account_id=sub-marie")).entitlements.can_access,
      false,
    );
  });

  it("a person of the member is admitted, by email (any case) or by sub", async () => {
    const byEmail = await ask("drive", VILLE_SIRET, user("Jean.Dupont@Ville-Lyon.test"));
    assert.equal(byEmail.entitlements.can_access, true);
    assert.equal(byEmail.entitlements.can_upload, true);
    const bySub = await ask("drive", VILLE_SIRET, "account_type=user&account_id=sub-jean");
    assert.equal(bySub.entitlements.can_access, true);
  });

  it("a subscription limited to groups or roles admits only the persons in them", async () => {
    assert.equal(
      (await ask("drive", METROPOLE_SIRET, user("marie@grandlyon.test"))).entitlements.can_access,
      true,
    );
    assert.equal(
      (await ask("drive", METROPOLE_SIRET, user("paul@grandlyon.test"))).entitlements.can_access,
      false,
    );
    const elue = await ask("visio", METROPOLE_SIRET, user("elue@grandlyon.test"));
    assert.equal(elue.entitlements.can_access, true);
    assert.equal(elue.entitlements.can_create, true);
    const agent = await ask("visio", METROPOLE_SIRET, user("marie@grandlyon.test"));
    assert.equal(agent.entitlements.can_access, false);
    assert.equal(agent.entitlements.can_create, false);
  });

  it("a person affiliated only through a suspended identity source is refused", async () => {
    await sql`INSERT INTO identity_source (id, entente_id, member_id, kind, label, settings, mapping, secret, enabled, created_at)
      VALUES ('src-off', 'lyon', 'ville-lyon', 'ldap', 'Annuaire suspendu', '{}'::jsonb, '{}'::jsonb, NULL, false, now())`.execute(
      get().db,
    );
    await addPerson("sub-off", "ville-lyon", "suspendu@ville-lyon.test", "agent", []);
    await sql`UPDATE person_affiliation SET source_id = 'src-off', declared_by = NULL WHERE sub = 'sub-off'`.execute(
      get().db,
    );
    assert.equal(
      (await ask("drive", VILLE_SIRET, user("suspendu@ville-lyon.test"))).entitlements.can_access,
      false,
    );
  });

  it("an ended subscription admits nobody, not even the member's persons", async () => {
    assert.equal(
      (await ask("visio", VILLE_SIRET, user("jean.dupont@ville-lyon.test"))).entitlements.can_access,
      false,
    );
    assert.equal(
      (await ask("visio", VILLE_SIRET, "account_type=organization")).entitlements.can_access,
      false,
    );
  });
});
