-- The clinic's tables. Only numbers and short words from the app's records are stored; never
-- video. Every table of patient data carries clinician_id so each query can be scoped by it.

CREATE TABLE clinicians (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Only a SHA-256 of the session cookie is kept; the CSRF token belongs to the session.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  clinician_id uuid NOT NULL REFERENCES clinicians (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_clinician ON sessions (clinician_id);

-- A patient's consent to share with one clinician. The bearer token is kept as a SHA-256.
CREATE TABLE shares (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  clinician_id uuid NOT NULL REFERENCES clinicians (id) ON DELETE CASCADE,
  label text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX shares_clinician ON shares (clinician_id, created_at);

-- One-time invitation codes, kept as a SHA-256; used_at is set once, when a patient accepts.
CREATE TABLE invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  clinician_id uuid NOT NULL REFERENCES clinicians (id) ON DELETE CASCADE,
  code_hash text NOT NULL UNIQUE,
  label text NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  share_id uuid REFERENCES shares (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invitations_clinician ON invitations (clinician_id, created_at);

-- Each acknowledged upload: the export file as the app made it, and the report model and the
-- list summary derived from it at upload time by core's own functions.
CREATE TABLE uploads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigserial NOT NULL UNIQUE,
  share_id uuid NOT NULL REFERENCES shares (id) ON DELETE CASCADE,
  clinician_id uuid NOT NULL REFERENCES clinicians (id) ON DELETE CASCADE,
  export jsonb NOT NULL,
  model jsonb NOT NULL,
  summary jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX uploads_latest ON uploads (clinician_id, share_id, seq DESC);

-- The clinician's note and dose adjustment for one share, fetched by the app.
CREATE TABLE plan_adjustments (
  share_id uuid PRIMARY KEY REFERENCES shares (id) ON DELETE CASCADE,
  clinician_id uuid NOT NULL REFERENCES clinicians (id) ON DELETE CASCADE,
  note text NOT NULL DEFAULT '',
  hold_seconds integer,
  sets_per_side integer,
  days_per_week integer,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Who did what to which share, and when. No foreign keys: a line outlives a deleted share, and it
-- never holds health data.
CREATE TABLE audit (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  clinician_id uuid,
  actor text NOT NULL CHECK (actor IN ('clinician', 'patient', 'system')),
  action text NOT NULL,
  share_id uuid,
  detail text NOT NULL DEFAULT ''
);
CREATE INDEX audit_clinician ON audit (clinician_id, id);
