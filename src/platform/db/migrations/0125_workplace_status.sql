-- Service status (issue 11 §6, the hosting mission). Owned by src/workplace/db.

-- The health probe the secretariat registered for a catalogued service: `http` (GET `target`, a
-- status in [expect_status_min, expect_status_max], optionally a body containing `body_contains`),
-- `tcp` (connect to `target` = host:port) or `oidc` (GET `target`/.well-known/openid-configuration,
-- its `issuer` equal to `target`). Probes go only there: no redirect is followed.
CREATE TABLE workplace_probe (
  client_id text PRIMARY KEY REFERENCES workplace_service (client_id) ON DELETE CASCADE,
  entente_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('http', 'tcp', 'oidc')),
  target text NOT NULL,
  expect_status_min integer NOT NULL DEFAULT 200 CHECK (expect_status_min BETWEEN 100 AND 599),
  expect_status_max integer NOT NULL DEFAULT 399 CHECK (expect_status_max BETWEEN 100 AND 599),
  body_contains text,
  timeout_ms integer NOT NULL CHECK (timeout_ms BETWEEN 100 AND 30000),
  interval_seconds integer NOT NULL CHECK (interval_seconds BETWEEN 10 AND 86400),
  next_due_at timestamptz NOT NULL,
  row_version integer NOT NULL DEFAULT 1,
  CHECK (expect_status_max >= expect_status_min)
);

CREATE INDEX workplace_probe_due ON workplace_probe (next_due_at);

-- What the last probe found (operational, degraded: answered but slowly, down), since when.
CREATE TABLE workplace_probe_state (
  client_id text PRIMARY KEY REFERENCES workplace_service (client_id) ON DELETE CASCADE,
  entente_id text NOT NULL,
  state text NOT NULL CHECK (state IN ('operational', 'degraded', 'down')),
  since timestamptz NOT NULL,
  checked_at timestamptz NOT NULL,
  detail text
);

-- Every change of a probe's state (kept 90 days).
CREATE TABLE workplace_probe_change (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  client_id text NOT NULL REFERENCES workplace_service (client_id) ON DELETE CASCADE,
  entente_id text NOT NULL,
  at timestamptz NOT NULL,
  from_state text,
  to_state text NOT NULL,
  detail text
);

CREATE INDEX workplace_probe_change_service ON workplace_probe_change (client_id, at);

-- Uptime per service and UTC day: probes run and probes that found it up (operational or
-- degraded). Samples are aggregated as they come (no raw sample is kept); days older than 90
-- are deleted.
CREATE TABLE workplace_uptime_day (
  client_id text NOT NULL REFERENCES workplace_service (client_id) ON DELETE CASCADE,
  day date NOT NULL,
  checks integer NOT NULL CHECK (checks >= 0),
  up integer NOT NULL CHECK (up >= 0 AND up <= checks),
  PRIMARY KEY (client_id, day)
);

-- A lease: the node (`holder`) that runs the probes until `expires_at`; another takes over after.
CREATE TABLE workplace_lease (
  name text PRIMARY KEY,
  holder text NOT NULL,
  expires_at timestamptz NOT NULL
);

-- An incident or a planned maintenance the secretariat writes, with the services and members it
-- affects (JSON arrays of ids) and its timeline (workplace_incident_update).
CREATE TABLE workplace_incident (
  id text PRIMARY KEY,
  entente_id text NOT NULL REFERENCES entente (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('incident', 'maintenance')),
  title text NOT NULL,
  impact text NOT NULL CHECK (impact IN ('degraded', 'down', 'maintenance')),
  status text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz,
  client_ids jsonb NOT NULL,
  member_ids jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  row_version integer NOT NULL DEFAULT 1,
  CHECK (ends_at IS NULL OR ends_at >= starts_at)
);

CREATE INDEX workplace_incident_entente ON workplace_incident (entente_id, starts_at);

CREATE TABLE workplace_incident_update (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  incident_id text NOT NULL REFERENCES workplace_incident (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  status text NOT NULL,
  message text NOT NULL,
  author text NOT NULL
);

CREATE INDEX workplace_incident_update_incident ON workplace_incident_update (incident_id, at);
