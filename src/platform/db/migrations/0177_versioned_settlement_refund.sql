-- Issue 9, items 4 and 5 (task H7). Advances (avances) and adjustments (régularisations) become
-- part of the versioned budget: each row belongs to one budget version, so a décision
-- modificative can change them while the adopted version keeps its own (an adopted figure never
-- moves, earlier versions stay readable). The rows stored so far are copied to every version of
-- their exercise (they were, until now, read by every one of them).
ALTER TABLE adjustment DROP CONSTRAINT adjustment_pkey CASCADE;
ALTER TABLE adjustment_amount DROP CONSTRAINT adjustment_amount_pkey;
ALTER TABLE advance DROP CONSTRAINT advance_pkey;
ALTER TABLE advance ADD COLUMN budget_version_id bigint REFERENCES budget_version (id) ON DELETE CASCADE;
ALTER TABLE adjustment ADD COLUMN budget_version_id bigint REFERENCES budget_version (id) ON DELETE CASCADE;
ALTER TABLE adjustment_amount ADD COLUMN budget_version_id bigint REFERENCES budget_version (id) ON DELETE CASCADE;
INSERT INTO advance (entente_id, year, id, label, member_id, amount_cents, key_id, budget_version_id)
  SELECT a.entente_id, a.year, a.id, a.label, a.member_id, a.amount_cents, a.key_id, v.id
  FROM advance a JOIN budget_version v ON v.entente_id = a.entente_id AND v.year = a.year
  WHERE a.budget_version_id IS NULL;
INSERT INTO adjustment (entente_id, year, id, label, budget_version_id)
  SELECT a.entente_id, a.year, a.id, a.label, v.id
  FROM adjustment a JOIN budget_version v ON v.entente_id = a.entente_id AND v.year = a.year
  WHERE a.budget_version_id IS NULL;
INSERT INTO adjustment_amount (entente_id, year, adjustment_id, member_id, amount_cents, budget_version_id)
  SELECT a.entente_id, a.year, a.adjustment_id, a.member_id, a.amount_cents, v.id
  FROM adjustment_amount a JOIN budget_version v ON v.entente_id = a.entente_id AND v.year = a.year
  WHERE a.budget_version_id IS NULL;
DELETE FROM advance WHERE budget_version_id IS NULL;
DELETE FROM adjustment_amount WHERE budget_version_id IS NULL;
DELETE FROM adjustment WHERE budget_version_id IS NULL;
ALTER TABLE advance ALTER COLUMN budget_version_id SET NOT NULL;
ALTER TABLE adjustment ALTER COLUMN budget_version_id SET NOT NULL;
ALTER TABLE adjustment_amount ALTER COLUMN budget_version_id SET NOT NULL;
ALTER TABLE advance ADD PRIMARY KEY (budget_version_id, id);
ALTER TABLE adjustment ADD PRIMARY KEY (budget_version_id, id);
ALTER TABLE adjustment_amount ADD PRIMARY KEY (budget_version_id, adjustment_id, member_id);
ALTER TABLE adjustment_amount ADD FOREIGN KEY (budget_version_id, adjustment_id)
  REFERENCES adjustment (budget_version_id, id) ON DELETE CASCADE;
CREATE INDEX advance_exercise ON advance (entente_id, year);
CREATE INDEX adjustment_exercise ON adjustment (entente_id, year);
CREATE INDEX adjustment_amount_exercise ON adjustment_amount (entente_id, year);

-- A trop-perçu refunded to a member (mandat de remboursement): what it paid beyond what it was
-- called for a year, after a reduction of its call. Net paid = payments − refunds.
CREATE TABLE fund_call_refund (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fund_call_id bigint NOT NULL REFERENCES fund_call (id) ON DELETE CASCADE,
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  refunded_on date NOT NULL,
  reference text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fund_call_refund_call ON fund_call_refund (fund_call_id);
