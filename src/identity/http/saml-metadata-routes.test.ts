import assert from "node:assert/strict";
import { it } from "node:test";
import { buildTestApp } from "../../../test/helpers/build-test-app.ts";
import { createSamlMetadataRoutes } from "./saml-metadata-routes.ts";

const XML = '<md:EntityDescriptor entityID="https://entente.example/interaction/saml/saml-sitiv/metadata"/>';

/** Fresh-user finding: an unknown source's metadata address said only "no such address". */
async function appWithSource() {
  const { app } = await buildTestApp({
    routes: [createSamlMetadataRoutes({ metadataFor: async (id) => (id === "saml-sitiv" ? XML : null) })],
  });
  return app;
}

it("a SAML source's metadata is served as SAML metadata", async (t) => {
  const app = await appWithSource();
  t.after(() => app.close());
  const reply = await app.inject({ method: "GET", url: "/interaction/saml/saml-sitiv/metadata" });
  assert.equal(reply.statusCode, 200);
  assert.match(String(reply.headers["content-type"]), /^application\/samlmetadata\+xml/);
  assert.equal(reply.body, XML);
});

it("an unknown id: 404 saying that no SAML identity source has that id here, the id escaped, French first", async (t) => {
  const app = await appWithSource();
  t.after(() => app.close());
  const url = `/interaction/saml/${encodeURIComponent('<img src=x onerror="alert(1)">')}/metadata`;
  const french = await app.inject({ method: "GET", url });
  assert.equal(french.statusCode, 404);
  assert.match(String(french.headers["content-type"]), /^text\/html/);
  assert.equal(french.headers["content-language"], "fr");
  const page = french.body;
  assert.match(page, /<html lang="fr">[\s\S]*<h1>Métadonnées SAML introuvables<\/h1>/);
  assert.match(
    page,
    /role="alert"[\s\S]*Aucune source d&#39;identité SAML « &lt;img src=x onerror=&quot;alert\(1\)&quot;&gt; » n&#39;existe sur ce hub d&#39;identité de l&#39;entente/,
  );
  assert.doesNotMatch(page, /<img/, "the id is escaped");
  assert.match(page, /<code>identity\.saml_source_unknown<\/code>/);
  assert.doesNotMatch(page, /route\.not_found|aucune adresse/i);
  const english = await app.inject({
    method: "GET",
    url: "/interaction/saml/ldap-metropole/metadata?lang=en",
  });
  assert.equal(english.statusCode, 404);
  assert.match(english.body, /<h1>SAML metadata not found<\/h1>/);
  assert.match(
    english.body,
    /No SAML identity source &quot;ldap-metropole&quot; exists on this entente&#39;s identity hub/,
  );
});
