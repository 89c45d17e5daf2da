-- Issue 10, item 1: before this release an entente's secretariat could declare an affiliation
-- for a person of another entente (whose sub it had seen in its sign-in log), with any email.
-- An entente now declares affiliations only for its own persons: those with an affiliation from
-- one of its sources. The declared affiliations of persons who have none in that entente are
-- removed here, each removal audited as the console's own removal is
-- (identity.affiliation.remove). Nothing else is touched: affiliations from a source, and those
-- declared for a person of the entente, stay.
WITH removed AS (
  DELETE FROM person_affiliation AS d
  WHERE d.source_id IS NULL
    AND d.declared_by IS NOT NULL
    AND NOT EXISTS (
      SELECT 1 FROM person_affiliation AS s
      WHERE s.sub = d.sub AND s.entente_id = d.entente_id AND s.source_id IS NOT NULL
    )
  RETURNING d.sub, d.entente_id, d.member_id, d.role, d.email
)
INSERT INTO audit_event (actor, entente_id, action, entity, entity_id, before)
SELECT
  'migration 0010 (issue 10: declared for another entente''s person)',
  entente_id,
  'identity.affiliation.remove',
  'person',
  sub,
  jsonb_build_object('memberId', member_id, 'role', role, 'email', email)
FROM removed;
