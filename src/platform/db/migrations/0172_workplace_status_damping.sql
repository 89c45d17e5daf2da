-- Service status, continued (issue 11 §6). Owned by src/workplace/db.

-- Flap damping: the shown state turns `down` after `failures_to_down` consecutive failures and
-- back up after `successes_to_up` consecutive successes (domain/service-status.ts `dampState`).
ALTER TABLE workplace_probe
  ADD COLUMN failures_to_down integer NOT NULL DEFAULT 2 CHECK (failures_to_down BETWEEN 1 AND 10),
  ADD COLUMN successes_to_up integer NOT NULL DEFAULT 2 CHECK (successes_to_up BETWEEN 1 AND 10);

-- `state` is now the damped state (null: fewer failures than `failures_to_down` since the first
-- probe, nothing decided yet); `result` the last raw result (`maintenance`: a failure inside a
-- maintenance window covering the service); `failures` and `successes` the current run of raw
-- results (one of the two is 0; a failure in maintenance counts in neither).
ALTER TABLE workplace_probe_state ALTER COLUMN state DROP NOT NULL;
ALTER TABLE workplace_probe_state
  ADD COLUMN result text NOT NULL DEFAULT 'operational'
    CHECK (result IN ('operational', 'degraded', 'down', 'maintenance')),
  ADD COLUMN failures integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
  ADD COLUMN successes integer NOT NULL DEFAULT 0 CHECK (successes >= 0);
UPDATE workplace_probe_state
  SET result = state, failures = CASE WHEN state = 'down' THEN 1 ELSE 0 END,
      successes = CASE WHEN state = 'down' THEN 0 ELSE 1 END;

-- Planned maintenance does not count against uptime: probes run inside a maintenance window
-- covering the service are counted in `maintenance`, not in `checks` nor `up` (the uptime's
-- denominator), as Atlassian Statuspage and Cachet leave maintenance out of the figure.
ALTER TABLE workplace_uptime_day
  ADD COLUMN maintenance integer NOT NULL DEFAULT 0 CHECK (maintenance >= 0);

-- What the status page watches besides the catalogue: the hub itself (`hub`: the identity
-- federation, a mission socle that is no catalogued service). Its id is `hub:<entente id>` — a
-- `:` no OIDC client id has (`^[A-Za-z0-9][A-Za-z0-9._-]*$`), so the two never collide.
CREATE TABLE workplace_status_component (
  id text PRIMARY KEY CHECK (strpos(id, ':') > 0),
  entente_id text NOT NULL REFERENCES entente (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('hub')),
  UNIQUE (entente_id, kind)
);

-- A probe's subject (`client_id`) is a catalogue service, or a component when it has a `:`: each
-- table keeps its reference and its cascade through two generated columns, one of them null.
ALTER TABLE workplace_probe DROP CONSTRAINT workplace_probe_client_id_fkey;
ALTER TABLE workplace_probe
  ADD COLUMN service_id text GENERATED ALWAYS AS (CASE WHEN strpos(client_id, ':') = 0 THEN client_id END) STORED
    REFERENCES workplace_service (client_id) ON DELETE CASCADE,
  ADD COLUMN component_id text GENERATED ALWAYS AS (CASE WHEN strpos(client_id, ':') > 0 THEN client_id END) STORED
    REFERENCES workplace_status_component (id) ON DELETE CASCADE;

ALTER TABLE workplace_probe_state DROP CONSTRAINT workplace_probe_state_client_id_fkey;
ALTER TABLE workplace_probe_state
  ADD COLUMN service_id text GENERATED ALWAYS AS (CASE WHEN strpos(client_id, ':') = 0 THEN client_id END) STORED
    REFERENCES workplace_service (client_id) ON DELETE CASCADE,
  ADD COLUMN component_id text GENERATED ALWAYS AS (CASE WHEN strpos(client_id, ':') > 0 THEN client_id END) STORED
    REFERENCES workplace_status_component (id) ON DELETE CASCADE;

ALTER TABLE workplace_probe_change DROP CONSTRAINT workplace_probe_change_client_id_fkey;
ALTER TABLE workplace_probe_change
  ADD COLUMN service_id text GENERATED ALWAYS AS (CASE WHEN strpos(client_id, ':') = 0 THEN client_id END) STORED
    REFERENCES workplace_service (client_id) ON DELETE CASCADE,
  ADD COLUMN component_id text GENERATED ALWAYS AS (CASE WHEN strpos(client_id, ':') > 0 THEN client_id END) STORED
    REFERENCES workplace_status_component (id) ON DELETE CASCADE;

ALTER TABLE workplace_uptime_day DROP CONSTRAINT workplace_uptime_day_client_id_fkey;
ALTER TABLE workplace_uptime_day
  ADD COLUMN service_id text GENERATED ALWAYS AS (CASE WHEN strpos(client_id, ':') = 0 THEN client_id END) STORED
    REFERENCES workplace_service (client_id) ON DELETE CASCADE,
  ADD COLUMN component_id text GENERATED ALWAYS AS (CASE WHEN strpos(client_id, ':') > 0 THEN client_id END) STORED
    REFERENCES workplace_status_component (id) ON DELETE CASCADE;
