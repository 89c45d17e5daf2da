-- The provisioning engine: one event per change of a person's accounts, delivered in order per
-- person to every connector serving the person's member, with retries (docs/provisioning.md).

CREATE TABLE provisioning_connector (
  id text PRIMARY KEY,
  entente_id text NOT NULL REFERENCES entente (id) ON DELETE CASCADE,
  kind text NOT NULL,
  label text NOT NULL,
  -- The OIDC service (identity's service client) whose accounts it keeps, if any.
  client_id text,
  settings jsonb NOT NULL,
  secret text,
  -- The members whose persons it receives; null: every member of the entente.
  member_ids jsonb,
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL
);

CREATE TABLE provisioning_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entente_id text NOT NULL,
  member_id text NOT NULL,
  sub text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('created', 'updated', 'suspended', 'reactivated', 'deleted')),
  -- The person's account as it is after the change (connectors apply a state: idempotent).
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX provisioning_event_person ON provisioning_event (entente_id, sub);

CREATE TABLE provisioning_delivery (
  event_id bigint NOT NULL REFERENCES provisioning_event (id) ON DELETE CASCADE,
  connector_id text NOT NULL REFERENCES provisioning_connector (id) ON DELETE CASCADE,
  sub text NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  -- A node delivering it holds it until then (several nodes never deliver it twice at once).
  leased_until timestamptz,
  last_error text,
  last_attempt_at timestamptz,
  done_at timestamptz,
  PRIMARY KEY (event_id, connector_id)
);
CREATE INDEX provisioning_delivery_open ON provisioning_delivery (connector_id, sub, event_id) WHERE state <> 'done';
CREATE INDEX provisioning_delivery_due ON provisioning_delivery (next_attempt_at) WHERE state = 'pending';
