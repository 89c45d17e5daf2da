-- OpenID Provider storage (issue 4, DESIGN.md pillar 2). Owned by src/db/oidc-adapter.ts,
-- src/db/transient-store.ts, src/db/oidc-signing-key-store.ts and src/db/service-client-store.ts.

-- Every oidc-provider model (Session, Interaction, AuthorizationCode, AccessToken, RefreshToken,
-- Grant, ClientCredentials, …) in one table: the payload as the library wrote it, with the
-- lookup columns it needs (grant-wide revocation, session uid, device user code).
CREATE TABLE oidc_payload (
  model text NOT NULL,
  id text NOT NULL,
  payload jsonb NOT NULL,
  grant_id text,
  user_code text,
  uid text,
  expires_at timestamptz,
  consumed_at timestamptz,
  PRIMARY KEY (model, id)
);
CREATE INDEX oidc_payload_grant_id ON oidc_payload (grant_id) WHERE grant_id IS NOT NULL;
CREATE INDEX oidc_payload_uid ON oidc_payload (model, uid) WHERE uid IS NOT NULL;
CREATE INDEX oidc_payload_user_code ON oidc_payload (model, user_code) WHERE user_code IS NOT NULL;
CREATE INDEX oidc_payload_expires_at ON oidc_payload (expires_at) WHERE expires_at IS NOT NULL;

-- Signing keys of the provider: next (published, not used yet) → current (signs) → retired
-- (published until every token it signed has expired, then deleted). One next and one current
-- per algorithm at most.
CREATE TABLE oidc_signing_key (
  kid text PRIMARY KEY,
  alg text NOT NULL CHECK (alg IN ('ES256', 'RS256')),
  state text NOT NULL CHECK (state IN ('next', 'current', 'retired')),
  private_jwk jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  activated_at timestamptz,
  retired_at timestamptz
);
CREATE UNIQUE INDEX oidc_signing_key_one_active ON oidc_signing_key (alg, state) WHERE state IN ('next', 'current');

-- Short-lived single-use values (upstream sign-in state: OIDC state/nonce/PKCE, SAML request id).
CREATE TABLE transient_value (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX transient_value_expires_at ON transient_value (expires_at);

-- Services (relying parties) of an entente. The secret is stored as its SHA-256 (it is 256 random
-- bits, RFC 6819 §5.1.4.1.3): shown once at creation or rotation, never readable again.
CREATE TABLE service_client (
  client_id text PRIMARY KEY,
  entente_id text NOT NULL REFERENCES entente (id) ON DELETE CASCADE,
  name text NOT NULL,
  redirect_uris jsonb NOT NULL,
  post_logout_redirect_uris jsonb NOT NULL,
  backchannel_logout_uri text,
  grant_types jsonb NOT NULL,
  token_endpoint_auth_method text NOT NULL CHECK (token_endpoint_auth_method IN ('client_secret_basic', 'client_secret_post', 'none')),
  scopes jsonb NOT NULL,
  policy_member_ids jsonb,
  policy_roles jsonb,
  policy_groups jsonb,
  required_acr text,
  enabled boolean NOT NULL DEFAULT true,
  secret_hash text,
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX service_client_entente_id ON service_client (entente_id);
