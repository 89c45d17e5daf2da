-- Issue 11: a key period may be a usage key (clé d'usage): its basis is the figures one service
-- of the digital workplace measured per member over a period (seats or a reported metric), kept
-- whole in `data` as of the snapshot, so that an adopted year never has them recomputed.
ALTER TABLE key_period DROP CONSTRAINT key_period_basis_check;
ALTER TABLE key_period ADD CONSTRAINT key_period_basis_check
  CHECK (basis IN ('percent', 'weights', 'criteria', 'usage'));
