-- Entente: initial schema (PostgreSQL 15+ and PGlite).
-- Reviewed SQL; one statement per `;` at end of line (the runner splits on it, PGlite needs
-- one statement per query). Money is bigint cents; rates are bigint ten-thousandths of a percent.

CREATE TABLE entente (
  id text PRIMARY KEY,
  name text NOT NULL,
  legal_basis jsonb NOT NULL DEFAULT '[]',
  convention jsonb,
  rounding_unit text NOT NULL CHECK (rounding_unit IN ('euro', 'cent')),
  budget_holder text,
  default_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE member (
  entente_id text NOT NULL REFERENCES entente (id) ON DELETE CASCADE,
  id text NOT NULL,
  position integer NOT NULL,
  name text NOT NULL,
  kind text NOT NULL,
  siren text,
  siret text,
  assembly text,
  accountant text,
  row_version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (entente_id, id)
);

CREATE TABLE allocation_key (
  entente_id text NOT NULL REFERENCES entente (id) ON DELETE CASCADE,
  id text NOT NULL,
  label text NOT NULL,
  source text,
  basis text NOT NULL CHECK (basis IN ('percent', 'weights', 'criteria')),
  row_version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (entente_id, id)
);

-- percent: value = ten-thousandths of a percent; weights: value = integer weight.
CREATE TABLE key_share (
  entente_id text NOT NULL,
  key_id text NOT NULL,
  member_id text NOT NULL,
  value bigint NOT NULL CHECK (value >= 0),
  PRIMARY KEY (entente_id, key_id, member_id),
  FOREIGN KEY (entente_id, key_id) REFERENCES allocation_key (entente_id, id) ON DELETE CASCADE,
  FOREIGN KEY (entente_id, member_id) REFERENCES member (entente_id, id)
);

CREATE TABLE key_criterion (
  entente_id text NOT NULL,
  key_id text NOT NULL,
  id text NOT NULL,
  position integer NOT NULL,
  label text,
  weight bigint NOT NULL CHECK (weight >= 0),
  PRIMARY KEY (entente_id, key_id, id),
  FOREIGN KEY (entente_id, key_id) REFERENCES allocation_key (entente_id, id) ON DELETE CASCADE
);

-- criterion values scaled by 10^4 (4 decimals).
CREATE TABLE key_criterion_value (
  entente_id text NOT NULL,
  key_id text NOT NULL,
  criterion_id text NOT NULL,
  member_id text NOT NULL,
  value bigint NOT NULL CHECK (value >= 0),
  PRIMARY KEY (entente_id, key_id, criterion_id, member_id),
  FOREIGN KEY (entente_id, key_id, criterion_id) REFERENCES key_criterion (entente_id, key_id, id) ON DELETE CASCADE,
  FOREIGN KEY (entente_id, member_id) REFERENCES member (entente_id, id)
);

CREATE TABLE mission (
  entente_id text NOT NULL REFERENCES entente (id) ON DELETE CASCADE,
  id text NOT NULL,
  position integer NOT NULL,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('socle', 'specifique')),
  description text,
  lead_member_id text,
  key_investissement text NOT NULL,
  key_fonctionnement text NOT NULL,
  row_version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (entente_id, id)
);

CREATE TABLE mission_member (
  entente_id text NOT NULL,
  mission_id text NOT NULL,
  member_id text NOT NULL,
  PRIMARY KEY (entente_id, mission_id, member_id),
  FOREIGN KEY (entente_id, mission_id) REFERENCES mission (entente_id, id) ON DELETE CASCADE,
  FOREIGN KEY (entente_id, member_id) REFERENCES member (entente_id, id)
);

-- Plan de service: each edit adds a version; the latest is current.
CREATE TABLE service_plan (
  entente_id text NOT NULL,
  mission_id text NOT NULL,
  version integer NOT NULL,
  scope text NOT NULL DEFAULT '',
  milestones jsonb NOT NULL DEFAULT '[]',
  resources jsonb NOT NULL DEFAULT '{}',
  steering_committee jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text,
  PRIMARY KEY (entente_id, mission_id, version),
  FOREIGN KEY (entente_id, mission_id) REFERENCES mission (entente_id, id) ON DELETE CASCADE
);

CREATE TABLE exercise (
  entente_id text NOT NULL REFERENCES entente (id) ON DELETE CASCADE,
  year integer NOT NULL,
  called_in integer NOT NULL,
  note text,
  PRIMARY KEY (entente_id, year),
  CHECK (called_in >= year)
);

-- Budget primitif / décision modificative. status: draft → approved (by the conference) →
-- ratifying → adopted (every member ratified, CGCT L5221-2). row_version detects concurrent edits.
CREATE TABLE budget_version (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entente_id text NOT NULL,
  year integer NOT NULL,
  number integer NOT NULL,
  label text NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'ratifying', 'adopted')),
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (entente_id, year, number),
  FOREIGN KEY (entente_id, year) REFERENCES exercise (entente_id, year) ON DELETE CASCADE
);

CREATE TABLE budget_line (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  budget_version_id bigint NOT NULL REFERENCES budget_version (id) ON DELETE CASCADE,
  position integer NOT NULL,
  mission_id text,
  label text NOT NULL,
  section text NOT NULL CHECK (section IN ('investissement', 'fonctionnement')),
  direction text NOT NULL CHECK (direction IN ('expense', 'receipt')),
  receipt_kind text CHECK (receipt_kind IN ('carry-over', 'depreciation', 'grant', 'contribution', 'other')),
  amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
  nature text,
  CHECK ((direction = 'receipt') = (receipt_kind IS NOT NULL))
);

CREATE INDEX budget_line_version ON budget_line (budget_version_id, position);

CREATE TABLE advance (
  entente_id text NOT NULL,
  year integer NOT NULL,
  id text NOT NULL,
  label text NOT NULL,
  member_id text NOT NULL,
  amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
  key_id text NOT NULL,
  PRIMARY KEY (entente_id, year, id),
  FOREIGN KEY (entente_id, year) REFERENCES exercise (entente_id, year) ON DELETE CASCADE
);

CREATE TABLE adjustment (
  entente_id text NOT NULL,
  year integer NOT NULL,
  id text NOT NULL,
  label text NOT NULL,
  PRIMARY KEY (entente_id, year, id),
  FOREIGN KEY (entente_id, year) REFERENCES exercise (entente_id, year) ON DELETE CASCADE
);

CREATE TABLE adjustment_amount (
  entente_id text NOT NULL,
  year integer NOT NULL,
  adjustment_id text NOT NULL,
  member_id text NOT NULL,
  amount_cents bigint NOT NULL,
  PRIMARY KEY (entente_id, year, adjustment_id, member_id),
  FOREIGN KEY (entente_id, year, adjustment_id) REFERENCES adjustment (entente_id, year, id) ON DELETE CASCADE
);

-- Conférence intercommunale → décision → one ratification (délibération concordante) per member.
CREATE TABLE conference (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entente_id text NOT NULL REFERENCES entente (id) ON DELETE CASCADE,
  held_on date NOT NULL,
  label text NOT NULL
);

CREATE TABLE decision (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  conference_id bigint NOT NULL REFERENCES conference (id) ON DELETE CASCADE,
  subject text NOT NULL,
  budget_version_id bigint REFERENCES budget_version (id),
  row_version integer NOT NULL DEFAULT 1
);

CREATE TABLE ratification (
  decision_id bigint NOT NULL REFERENCES decision (id) ON DELETE CASCADE,
  entente_id text NOT NULL,
  member_id text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'ratified', 'rejected')),
  deliberation_number text,
  deliberated_on date,
  row_version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (decision_id, member_id),
  FOREIGN KEY (entente_id, member_id) REFERENCES member (entente_id, id)
);

-- Appel de fonds: one per member and year, issued from the computed figures.
CREATE TABLE fund_call (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entente_id text NOT NULL,
  year integer NOT NULL,
  member_id text NOT NULL,
  amount_cents bigint NOT NULL,
  due_on date,
  reference text,
  issued_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (entente_id, year, member_id),
  FOREIGN KEY (entente_id, member_id) REFERENCES member (entente_id, id)
);

CREATE TABLE payment (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fund_call_id bigint NOT NULL REFERENCES fund_call (id) ON DELETE CASCADE,
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  paid_on date NOT NULL,
  reference text
);

-- Local accounts (later one sign-in method of the identity hub).
CREATE TABLE account (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL UNIQUE,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('secretariat', 'finance', 'mission-lead', 'reader')),
  entente_id text REFERENCES entente (id) ON DELETE CASCADE,
  member_id text,
  mission_id text,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (role <> 'finance' OR member_id IS NOT NULL),
  CHECK (role <> 'mission-lead' OR mission_id IS NOT NULL)
);

CREATE TABLE web_session (
  id text PRIMARY KEY,
  data jsonb NOT NULL,
  expires_at timestamptz NOT NULL
);

CREATE INDEX web_session_expiry ON web_session (expires_at);

-- Audit trail: who changed what, when; before/after as JSON (amounts as decimal strings).
CREATE TABLE audit_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  entente_id text,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  before jsonb,
  after jsonb
);

CREATE INDEX audit_event_entente ON audit_event (entente_id, at DESC);
