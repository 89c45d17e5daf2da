-- Provisioning's bulk runs (issue 12 item 1): a full resync of a connector is a job whose state
-- lives here, so that it shows its progress (console and CLI), can be stopped and resumed from
-- its cursor, and runs on one node at a time (its lease); the deliveries remember since when
-- their peer fails (the console says "ejabberd injoignable depuis 12:04"). docs/provisioning.md.

CREATE TABLE provisioning_resync_job (
  id text PRIMARY KEY,
  entente_id text NOT NULL REFERENCES entente (id) ON DELETE CASCADE,
  connector_id text NOT NULL REFERENCES provisioning_connector (id) ON DELETE CASCADE,
  state text NOT NULL CHECK (state IN ('running', 'stopped', 'done', 'failed')),
  -- The last account compared (persons and accounts in `sub` order): a resume starts after it.
  cursor text,
  -- Accounts to compare (persons expected and accounts the tool has), as last counted.
  total integer NOT NULL DEFAULT 0 CHECK (total >= 0),
  compared integer NOT NULL DEFAULT 0 CHECK (compared >= 0),
  created integer NOT NULL DEFAULT 0 CHECK (created >= 0),
  updated integer NOT NULL DEFAULT 0 CHECK (updated >= 0),
  disabled integer NOT NULL DEFAULT 0 CHECK (disabled >= 0),
  errors integer NOT NULL DEFAULT 0 CHECK (errors >= 0),
  -- Why the job failed (the tool could not be listed), for the console.
  last_error text,
  -- The node running it holds it until then; another node takes it over only after.
  holder text,
  leased_until timestamptz,
  started_by text NOT NULL,
  started_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
-- One unfinished job per connector: a stopped one is resumed, not started again.
CREATE UNIQUE INDEX provisioning_resync_job_open ON provisioning_resync_job (connector_id)
  WHERE state IN ('running', 'stopped');
CREATE INDEX provisioning_resync_job_entente ON provisioning_resync_job (entente_id, started_at);

-- Since when the delivery's peer has failed (first failed attempt of this delivery; cleared when done).
ALTER TABLE provisioning_delivery ADD COLUMN failing_since timestamptz;
