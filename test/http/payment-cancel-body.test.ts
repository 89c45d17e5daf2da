import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { seedExample } from "../../src/compose.ts";
import { readEntenteFile } from "../../src/finance/formats/read-entente-file.ts";
import type { ZodFastifyInstance } from "../../src/platform/http/app-deps.ts";
import { buildConsoleApp, ConsoleClient } from "../helpers/console-client.ts";
import { describeOnDatabases } from "../helpers/databases.ts";
import { LYON } from "../helpers/run-cli.ts";

const PASSWORD = "mot-de-passe-de-test";

/** A request without its body names the fields it needs, in French first (tester: DELETE payment). */
describeOnDatabases("a missing request body over HTTP", (get) => {
  let app: ZodFastifyInstance;
  let secretariat: ConsoleClient;
  before(async () => {
    let composed: Awaited<ReturnType<typeof buildConsoleApp>>["composed"];
    ({ app, composed } = await buildConsoleApp(get()));
    await seedExample(composed, "lyon", await readEntenteFile(LYON), PASSWORD);
    secretariat = new ConsoleClient(app);
    await secretariat.signIn("secretariat@lyon.entente.localhost", PASSWORD);
  });
  after(async () => app.close());

  for (const lang of [undefined, "fr", "en"])
    it(`DELETE a payment without a body (Accept-Language: ${lang ?? "none"}) names reason as required`, async () => {
      const reply = await secretariat.send(
        "DELETE",
        "/api/ententes/lyon/payments/999999",
        undefined,
        lang === undefined ? {} : { lang },
      );
      assert.equal(reply.status, 400);
      const text = JSON.stringify(reply.json());
      assert.match(text, /reason/);
      if (lang !== "en") assert.match(text, /obligatoire|attendu/);
      assert.doesNotMatch(text, /received null|reçu null/);
    });
});
