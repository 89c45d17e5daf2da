-- The agents' and élus' portal (issue 11 §3, docs/portal.md).
-- Which OIDC client of the hub is the entente's portal (a public client, PKCE): the portal is a
-- relying party of the hub like any service; its redirect URI is checked exactly by the hub.
CREATE TABLE workplace_portal (
  entente_id text PRIMARY KEY REFERENCES entente (id) ON DELETE CASCADE,
  client_id text NOT NULL UNIQUE REFERENCES service_client (client_id) ON DELETE CASCADE
);

-- A person's portal session: the opaque id in the cookie is stored only as its SHA-256; who the
-- hub said the person is (sub, member, role, groups), the anti-CSRF token, the ID token for
-- RP-initiated logout, the hub's session id (`sid`) that a back-channel logout names.
CREATE TABLE workplace_portal_session (
  id_hash text PRIMARY KEY,
  entente_id text NOT NULL REFERENCES entente (id) ON DELETE CASCADE,
  sub text NOT NULL,
  member_id text NOT NULL,
  role text NOT NULL,
  groups jsonb NOT NULL,
  display_name text NOT NULL,
  email text,
  id_token text NOT NULL,
  sid text,
  csrf_token text NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX workplace_portal_session_expiry ON workplace_portal_session (expires_at);
CREATE INDEX workplace_portal_session_person ON workplace_portal_session (entente_id, sub);

-- Per person (entente × sub): pinned services (client ids, in pin order) and whether services
-- open in a new tab.
CREATE TABLE workplace_portal_preference (
  entente_id text NOT NULL REFERENCES entente (id) ON DELETE CASCADE,
  sub text NOT NULL,
  pinned jsonb NOT NULL DEFAULT '[]',
  open_in_new_tab boolean NOT NULL DEFAULT false,
  PRIMARY KEY (entente_id, sub)
);

-- Announcements of the secretariat (author_member_id null) or of a member, shown on the portal
-- from `shown_from` to `shown_until` (included; null: open-ended) to the persons targeted
-- (member_ids / roles / groups null: everyone).
CREATE TABLE workplace_announcement (
  id text PRIMARY KEY,
  entente_id text NOT NULL REFERENCES entente (id) ON DELETE CASCADE,
  author_member_id text,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body text NOT NULL CHECK (length(body) <= 4000),
  shown_from date NOT NULL,
  shown_until date,
  member_ids jsonb,
  roles jsonb,
  groups jsonb,
  requires_ack boolean NOT NULL DEFAULT false,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (entente_id, author_member_id) REFERENCES member (entente_id, id) ON DELETE CASCADE,
  CHECK (shown_until IS NULL OR shown_until >= shown_from)
);
CREATE INDEX workplace_announcement_entente ON workplace_announcement (entente_id, shown_from);

-- Who acknowledged an announcement, and when (once per person).
CREATE TABLE workplace_announcement_ack (
  announcement_id text NOT NULL REFERENCES workplace_announcement (id) ON DELETE CASCADE,
  sub text NOT NULL,
  member_id text NOT NULL,
  display_name text NOT NULL,
  email text,
  acknowledged_at timestamptz NOT NULL,
  PRIMARY KEY (announcement_id, sub)
);
