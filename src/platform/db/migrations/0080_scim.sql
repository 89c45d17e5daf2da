-- The SCIM 2.0 server of the provisioning context (RFC 7643/7644): one bearer token per member,
-- stored hashed, and the Users and Groups each member pushes, linked to the pivot directory.

CREATE TABLE scim_token (
  entente_id text NOT NULL,
  member_id text NOT NULL,
  -- The member's identity source whose persons the pushed Users are (person_link.source_id).
  source_id text NOT NULL REFERENCES identity_source (id) ON DELETE CASCADE,
  -- SHA-256 (hex) of the token: a 256-bit random secret needs no slow hash.
  token_hash text NOT NULL UNIQUE,
  issued_by text NOT NULL,
  issued_at timestamptz NOT NULL,
  PRIMARY KEY (entente_id, member_id),
  FOREIGN KEY (entente_id, member_id) REFERENCES member (entente_id, id) ON DELETE CASCADE
);

CREATE TABLE scim_user (
  id uuid PRIMARY KEY,
  entente_id text NOT NULL,
  member_id text NOT NULL,
  user_name text NOT NULL,
  -- userName is caseExact=false (RFC 7643 §4.1.1): unique and searched by this folded form.
  user_name_key text NOT NULL,
  external_id text,
  active boolean NOT NULL,
  -- The resource's attributes as stored (without id, meta and groups, which are computed).
  resource jsonb NOT NULL,
  -- The person of the pivot directory this User is (null until linked).
  sub text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (entente_id, member_id, user_name_key),
  FOREIGN KEY (entente_id, member_id) REFERENCES member (entente_id, id) ON DELETE CASCADE
);
CREATE INDEX scim_user_external_id ON scim_user (entente_id, member_id, external_id);

CREATE TABLE scim_group (
  id uuid PRIMARY KEY,
  entente_id text NOT NULL,
  member_id text NOT NULL,
  display_name text NOT NULL,
  external_id text,
  resource jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  FOREIGN KEY (entente_id, member_id) REFERENCES member (entente_id, id) ON DELETE CASCADE
);
CREATE INDEX scim_group_member_scope ON scim_group (entente_id, member_id);

CREATE TABLE scim_group_member (
  group_id uuid NOT NULL REFERENCES scim_group (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES scim_user (id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX scim_group_member_user ON scim_group_member (user_id);
