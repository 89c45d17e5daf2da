-- One mandat de remboursement, one reference, per fund call: the same refund posted twice (a
-- replayed request, a double click) was recorded twice and paid back the trop-perçu twice. The
-- application answers 409 `refund.reference_taken` first, on the call's row locked; this key
-- closes the race of two requests at the same time.
-- Refunds already recorded twice under one reference are kept (they are money the books show):
-- every one but the first is renamed « <reference> (doublon <id>) », so that the index holds and
-- the secretariat sees the duplicate on the call, its statement and the audit trail.
UPDATE fund_call_refund AS r
  SET reference = r.reference || ' (doublon ' || r.id || ')'
  WHERE EXISTS (
    SELECT 1 FROM fund_call_refund AS first
    WHERE first.fund_call_id = r.fund_call_id AND first.reference = r.reference AND first.id < r.id
  );
CREATE UNIQUE INDEX fund_call_refund_reference_key ON fund_call_refund (fund_call_id, reference);
