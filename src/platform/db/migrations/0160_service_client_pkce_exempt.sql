-- Issue 12: a confidential service may be exempted from PKCE (Roundcube 1.6 sends no
-- code_challenge). Off by default; never for a public client (docs/identity.md, "PKCE exemption").
ALTER TABLE service_client ADD COLUMN pkce_exempt boolean NOT NULL DEFAULT false;
ALTER TABLE service_client ADD CONSTRAINT service_client_pkce_exempt_confidential
  CHECK (NOT pkce_exempt OR token_endpoint_auth_method <> 'none');
