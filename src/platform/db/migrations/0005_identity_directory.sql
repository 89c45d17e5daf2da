-- The pivot identity directory (issue 4, DESIGN.md pillar 2). Owned by
-- src/db/identity-directory-store.ts and src/db/identity-event-store.ts.

-- An upstream identity source of a member: LDAP/AD, OIDC, SAML, or the entente's local accounts.
-- `settings` holds the kind's own settings ({"ldap": {...}}, {"oidc": {...}}, {"saml": {...}}, {}),
-- `mapping` the attribute mapping. `secret` (LDAP bind password, OIDC client secret) is never
-- sent back by the API.
CREATE TABLE identity_source (
  id text PRIMARY KEY,
  entente_id text NOT NULL,
  member_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('ldap', 'oidc', 'saml', 'local')),
  label text NOT NULL,
  settings jsonb NOT NULL,
  mapping jsonb NOT NULL,
  secret text,
  enabled boolean NOT NULL DEFAULT true,
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (entente_id, member_id) REFERENCES member (entente_id, id) ON DELETE CASCADE
);
CREATE INDEX identity_source_member ON identity_source (entente_id, member_id, created_at);

-- An email domain owned by a member. A domain belongs to one member across the whole instance
-- (the primary key), so that an email leads to one place. `source_id` null: the member's first
-- enabled source.
CREATE TABLE member_email_domain (
  domain text PRIMARY KEY CHECK (domain = lower(domain)),
  entente_id text NOT NULL,
  member_id text NOT NULL,
  source_id text REFERENCES identity_source (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (entente_id, member_id) REFERENCES member (entente_id, id) ON DELETE CASCADE
);
CREATE INDEX member_email_domain_member ON member_email_domain (entente_id, member_id);

-- A personal address registered by the secretariat (élus often sign in with one): it leads to
-- one member and one of its sources, and may force the role.
CREATE TABLE registered_address (
  email text PRIMARY KEY CHECK (email = lower(email)),
  entente_id text NOT NULL,
  member_id text NOT NULL,
  source_id text NOT NULL REFERENCES identity_source (id) ON DELETE CASCADE,
  role text CHECK (role IN ('agent', 'elu')),
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (entente_id, member_id) REFERENCES member (entente_id, id) ON DELETE CASCADE
);
CREATE INDEX registered_address_member ON registered_address (entente_id, member_id);

-- A person of the pivot directory. `sub` is random and never reused: rows are never deleted.
CREATE TABLE person (
  sub text PRIMARY KEY,
  given_name text NOT NULL,
  family_name text NOT NULL,
  usual_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Which person a source's identifier is. Keyed on the upstream id only: a renamed or re-cased
-- attribute never changes the person. `attributes`: the last normalised attributes seen.
CREATE TABLE person_link (
  source_id text NOT NULL REFERENCES identity_source (id),
  upstream_id text NOT NULL,
  sub text NOT NULL REFERENCES person (sub),
  attributes jsonb NOT NULL,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source_id, upstream_id)
);
CREATE INDEX person_link_sub ON person_link (sub);

-- An organisation a person acts for. From a source at sign-in, or declared by the secretariat
-- (`declared_by`, small communes share agents).
CREATE TABLE person_affiliation (
  sub text NOT NULL REFERENCES person (sub),
  entente_id text NOT NULL,
  member_id text NOT NULL,
  role text NOT NULL CHECK (role IN ('agent', 'elu')),
  source_id text REFERENCES identity_source (id) ON DELETE SET NULL,
  declared_by text,
  email text NOT NULL,
  uid text NOT NULL,
  groups jsonb NOT NULL DEFAULT '[]',
  last_seen_at timestamptz,
  PRIMARY KEY (sub, entente_id, member_id),
  FOREIGN KEY (entente_id, member_id) REFERENCES member (entente_id, id) ON DELETE CASCADE
);
CREATE INDEX person_affiliation_member ON person_affiliation (entente_id, member_id);

-- Which member a person acts for in one grant (one sign-in to one service).
CREATE TABLE grant_affiliation (
  grant_id text PRIMARY KEY,
  sub text NOT NULL REFERENCES person (sub),
  member_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The identity audit log: sign-ins, refusals, failures, logouts, second factor, key rotation.
CREATE TABLE identity_event (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('sign_in', 'sign_in_refused', 'sign_in_failed', 'logout', 'mfa_enrolled', 'mfa_failed', 'token_issued', 'key_rotated')),
  at timestamptz NOT NULL,
  entente_id text,
  sub text,
  member_id text,
  client_id text,
  source_id text,
  code text,
  request_id text,
  ip text,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX identity_event_entente_at ON identity_event (entente_id, at DESC, id DESC);
CREATE INDEX identity_event_sub ON identity_event (sub, at DESC) WHERE sub IS NOT NULL;
