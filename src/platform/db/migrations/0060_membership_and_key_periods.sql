-- Issue 9: a member belongs from an exercise to an exercise (null: from the start / still a
-- member); its public accountant's references (comptable public, SGC or trésorerie) are kept as
-- JSON text in the existing `accountant` column.
ALTER TABLE member ADD COLUMN from_year integer;
ALTER TABLE member ADD COLUMN to_year integer;
ALTER TABLE member ADD CONSTRAINT member_membership_order CHECK (from_year IS NULL OR to_year IS NULL OR from_year <= to_year);

-- Keys by period: from exercise `from_year` on, the key has this basis (until the next period);
-- before its first period a key has the basis of allocation_key/key_share/key_criterion. A period's
-- basis is read and written whole, so it is one JSON value (integers as decimal text, exact).
CREATE TABLE key_period (
  entente_id text NOT NULL,
  key_id text NOT NULL,
  from_year integer NOT NULL,
  basis text NOT NULL CHECK (basis IN ('percent', 'weights', 'criteria')),
  data jsonb NOT NULL,
  source text,
  PRIMARY KEY (entente_id, key_id, from_year),
  FOREIGN KEY (entente_id, key_id) REFERENCES allocation_key (entente_id, id)
);
