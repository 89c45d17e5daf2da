-- The digital workplace (issue 11, DESIGN.md pillar 3). Owned by src/workplace/db.

-- The catalogue entry of a service: identity's OIDC client (`service_client`) seen from the
-- workplace. One object, not two: the entry shares the client's id and name and goes with it
-- (ON DELETE CASCADE); it adds what the portal, the launcher and the entitlements need.
-- `logo` is null when none was uploaded (a monogram is generated); `service_key_hash` is the
-- SHA-256 (hex) of the key the service presents in `X-Service-Auth` (shown once, never stored).
CREATE TABLE workplace_service (
  client_id text PRIMARY KEY REFERENCES service_client (client_id) ON DELETE CASCADE,
  entente_id text NOT NULL REFERENCES entente (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('video', 'chat', 'files', 'office', 'elearning', 'mail', 'other')),
  description text NOT NULL,
  url text NOT NULL,
  maturity text NOT NULL CHECK (maturity IN ('alpha', 'beta', 'stable')),
  documentation_url text,
  support_url text,
  display_order integer NOT NULL CHECK (display_order >= 0),
  logo bytea,
  logo_type text CHECK (logo_type IN ('image/png', 'image/jpeg', 'image/webp')),
  service_key_hash text UNIQUE,
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((logo IS NULL) = (logo_type IS NULL))
);

CREATE INDEX workplace_service_entente_id ON workplace_service (entente_id, display_order);

-- A member's subscription to a service: the access policy of the service (issue 11 §2). From
-- `starts_on` to `ends_on` included (null: open-ended); `roles`/`groups` null: everyone of the
-- member. Quotas are non-negative integers: seats (accounts), storage in bytes (null: none set).
CREATE TABLE workplace_subscription (
  client_id text NOT NULL REFERENCES workplace_service (client_id) ON DELETE CASCADE,
  entente_id text NOT NULL,
  member_id text NOT NULL,
  starts_on date NOT NULL,
  ends_on date,
  roles jsonb,
  groups jsonb,
  seats integer CHECK (seats >= 0),
  storage_per_account bigint CHECK (storage_per_account >= 0),
  storage_per_member bigint CHECK (storage_per_member >= 0),
  row_version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (client_id, member_id),
  FOREIGN KEY (entente_id, member_id) REFERENCES member (entente_id, id) ON DELETE CASCADE,
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);

CREATE INDEX workplace_subscription_member ON workplace_subscription (entente_id, member_id);

-- Usage a service reported (entitlements POST `usage_metrics`, Deploy Center's shape): one row
-- per account (`account_type` user, with its id or email) or per organisation, per report.
CREATE TABLE workplace_usage (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  client_id text NOT NULL REFERENCES workplace_service (client_id) ON DELETE CASCADE,
  entente_id text NOT NULL,
  member_id text NOT NULL,
  account_type text NOT NULL CHECK (account_type IN ('user', 'organization')),
  account_id text,
  account_email text,
  metrics jsonb NOT NULL,
  reported_at timestamptz NOT NULL,
  FOREIGN KEY (entente_id, member_id) REFERENCES member (entente_id, id) ON DELETE CASCADE
);

CREATE INDEX workplace_usage_member ON workplace_usage (client_id, member_id, reported_at);
