-- The latest audit event of an entente stamps its state: every change writes one in its own
-- transaction, so the entente model can be cached per stamp (entente-store.ts).
CREATE INDEX audit_event_entente_id ON audit_event (entente_id, id);
