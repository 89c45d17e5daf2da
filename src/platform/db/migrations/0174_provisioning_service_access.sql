-- Subscriptions drive accounts (issue 12 item 1): which persons hold an enabled account on a
-- catalogued service, the subscription boundaries already turned into events, and erasures
-- per service (an ended subscription is disabled, then erased after the member's retention).

-- What the connectors of a service were last told of a person (the ledger the events are the
-- difference of): granted = an enabled account, false = a disabled one; no row: no account.
CREATE TABLE provisioning_service_access (
  entente_id text NOT NULL,
  member_id text NOT NULL,
  client_id text NOT NULL,
  sub text NOT NULL,
  granted boolean NOT NULL,
  changed_at timestamptz NOT NULL,
  PRIMARY KEY (entente_id, member_id, client_id, sub)
);

-- A subscription's start or end day already turned into events (exactly once per boundary).
CREATE TABLE provisioning_subscription_boundary (
  entente_id text NOT NULL,
  client_id text NOT NULL,
  member_id text NOT NULL,
  boundary text NOT NULL CHECK (boundary IN ('start', 'end')),
  day text NOT NULL,
  events integer NOT NULL,
  emitted_at timestamptz NOT NULL,
  PRIMARY KEY (entente_id, client_id, member_id, boundary, day)
);

-- An erasure on one service's connectors ('' : every connector, the person's own erasure).
ALTER TABLE provisioning_erasure ADD COLUMN client_id text NOT NULL DEFAULT '';
ALTER TABLE provisioning_erasure DROP CONSTRAINT provisioning_erasure_pkey;
ALTER TABLE provisioning_erasure ADD PRIMARY KEY (entente_id, member_id, sub, client_id);
