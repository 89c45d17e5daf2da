-- Deprovisioning's retention (issue 12): a person suspended or deleted by its member's directory
-- is disabled at once, then erased from the connectors' services after the member's retention
-- period (days); a reactivation before the deadline cancels the erasure (docs/provisioning.md).

-- The member's retention period; no row: the default (30 days, docs/provisioning.md).
CREATE TABLE provisioning_retention (
  entente_id text NOT NULL,
  member_id text NOT NULL,
  days integer NOT NULL CHECK (days BETWEEN 1 AND 3650),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (entente_id, member_id),
  FOREIGN KEY (entente_id, member_id) REFERENCES member (entente_id, id) ON DELETE CASCADE
);

-- The erasures waiting for their deadline, one per person of a member.
CREATE TABLE provisioning_erasure (
  entente_id text NOT NULL,
  member_id text NOT NULL,
  sub text NOT NULL,
  -- The account as it was when disabled (the erasure event carries it to the connectors).
  payload jsonb NOT NULL,
  scheduled_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  PRIMARY KEY (entente_id, member_id, sub)
);
CREATE INDEX provisioning_erasure_due ON provisioning_erasure (due_at);

-- A job that one node at a time runs (the erasure scheduler): the holder keeps it until then.
CREATE TABLE provisioning_job_lease (
  name text PRIMARY KEY,
  holder text NOT NULL,
  leased_until timestamptz NOT NULL
);

-- The erasure itself is an event of its own kind, delivered like the others.
ALTER TABLE provisioning_event DROP CONSTRAINT provisioning_event_kind_check;
ALTER TABLE provisioning_event ADD CONSTRAINT provisioning_event_kind_check
  CHECK (kind IN ('created', 'updated', 'suspended', 'reactivated', 'deleted', 'erased'));
