-- Whether the source verified the email of an affiliation (issue 10 item 9): an upstream OIDC IdP
-- that says `email_verified: false` is believed, and services receive false. Owned by
-- src/identity/db/save-person.ts. Existing rows and declared affiliations stay verified (true).
ALTER TABLE person_affiliation ADD COLUMN email_verified boolean NOT NULL DEFAULT true;
