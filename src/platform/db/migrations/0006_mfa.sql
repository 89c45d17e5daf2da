-- Second factors and password throttling of the sign-in flow (issue 4 §5). Owned by
-- src/db/mfa-credential-store.ts and src/db/login-failure-store.ts.

-- A second factor of a pivot person. TOTP: the base32 secret, inactive until a first valid code,
-- `last_time_step` refuses a code used again (RFC 6238 §5.2). WebAuthn: the credential id
-- (base64url), the COSE public key and the signature counter (WebAuthn L3 §6.1.1).
CREATE TABLE mfa_credential (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sub text NOT NULL REFERENCES person (sub) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('totp', 'webauthn')),
  label text NOT NULL,
  secret text,
  webauthn_id text UNIQUE,
  public_key bytea,
  counter bigint NOT NULL DEFAULT 0,
  transports jsonb NOT NULL DEFAULT '[]',
  last_time_step bigint,
  active boolean NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  CHECK (
    (kind = 'totp' AND secret IS NOT NULL AND webauthn_id IS NULL AND public_key IS NULL)
    OR (kind = 'webauthn' AND secret IS NULL AND webauthn_id IS NOT NULL AND public_key IS NOT NULL AND active)
  )
);

CREATE INDEX mfa_credential_sub ON mfa_credential (sub);

-- One failed sign-in attempt; `key` is a SHA-256 of source + login, or of the IP (no login in clear).
CREATE TABLE login_failure (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key text NOT NULL,
  at timestamptz NOT NULL
);

CREATE INDEX login_failure_key_at ON login_failure (key, at);
