-- Issue 9: a criterion of a criteria key says where its figures come from and their year
-- (« Populations légales INSEE 2022 »), printed with the key and edited in the console.
ALTER TABLE key_criterion ADD COLUMN source text;
