-- One externalId, one SCIM User, one person per member endpoint (RFC 7643 §3.1: externalId is the
-- provisioning client's identifier of one resource). A User is linked to its pivot person by its
-- externalId: two Users sharing one made them one person, whose uid flipped with each write and
-- whom one User's `active: false` suspended while the other still showed active. The application
-- answers 409 `uniqueness` first; these keys close the race of two writes at the same time.
-- A database holding such duplicates already stops here: keep one User per externalId (DELETE
-- the others through SCIM, or clear their external_id) and run the migration again.
CREATE UNIQUE INDEX scim_user_external_id_key ON scim_user (entente_id, member_id, external_id)
  WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX scim_user_person_key ON scim_user (entente_id, member_id, sub)
  WHERE sub IS NOT NULL;
DROP INDEX scim_user_external_id;
