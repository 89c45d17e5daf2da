-- The portal's sign-in states (issue 11, docs/portal.md): one row per `/portal/<entente>/login`
-- between the redirect to the hub and the callback (10 minutes at most), under the SHA-256 of the
-- id in the browser's cookie. Kept apart from `transient_value` so that they can be counted and
-- pruned per entente: at most a cap of rows per entente, the expired ones pruned first.
CREATE TABLE workplace_portal_login (
  id_hash text PRIMARY KEY,
  entente_id text NOT NULL REFERENCES entente (id) ON DELETE CASCADE,
  state jsonb NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX workplace_portal_login_entente_expiry ON workplace_portal_login (entente_id, expires_at);
