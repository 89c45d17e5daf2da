-- Resource servers of an entente (issue 10, "Tokens that resource servers can check themselves"):
-- a mail server, a files service, an API that accepts the hub's access tokens. `audience` is the
-- resource indicator (RFC 8707) services ask tokens for, and the `aud` of those tokens: unique
-- across the instance, or a token of one entente would be accepted by another's server.
CREATE TABLE resource_server (
  id text PRIMARY KEY,
  entente_id text NOT NULL REFERENCES entente (id) ON DELETE CASCADE,
  name text NOT NULL,
  audience text NOT NULL UNIQUE,
  scopes jsonb NOT NULL,
  token_format text NOT NULL CHECK (token_format IN ('opaque', 'jwt')),
  jwt_type text NOT NULL CHECK (jwt_type IN ('at+jwt', 'JWT')),
  access_token_ttl_seconds integer NOT NULL CHECK (access_token_ttl_seconds > 0),
  enabled boolean NOT NULL DEFAULT true,
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX resource_server_entente_id ON resource_server (entente_id);
