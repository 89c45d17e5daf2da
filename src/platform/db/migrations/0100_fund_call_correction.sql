-- Issue 9, item 4: a décision modificative adopted after a year's fund calls were issued never
-- rewrites them. Per member it produces a complementary call (titre complémentaire, amount > 0)
-- or a reduction of the call (réduction de titre, amount < 0, the mandat d'annulation of French
-- public accounting), each referring to the original call, once per amending budget.
CREATE TABLE fund_call_correction (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fund_call_id bigint NOT NULL REFERENCES fund_call (id) ON DELETE CASCADE,
  budget_year integer NOT NULL,
  budget_number integer NOT NULL CHECK (budget_number > 1),
  amount_cents bigint NOT NULL CHECK (amount_cents <> 0),
  due_on date,
  reference text NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (fund_call_id, budget_year, budget_number)
);
