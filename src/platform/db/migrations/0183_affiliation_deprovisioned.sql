-- The member's directory suspended (SCIM `active: false`) or deleted the person's User: the
-- affiliation it pushed admits nobody until the directory makes the User active again or creates
-- it anew (sign-in, the portal and the services' entitlements read affiliations without it).
-- NULL: not deprovisioned. Sign-ins through the member's sources never clear it (the directory
-- that provisions the person decides); the secretariat still sees the affiliation.
ALTER TABLE person_affiliation ADD COLUMN deprovisioned_at timestamptz;
