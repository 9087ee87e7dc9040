-- SaferHomes local schema: budgets per area and financial year, and frozen quarterly returns
-- (DESIGN.md section 9, issue 14).
--
-- An area's budget for a UK financial year (financial_year is the calendar year it starts
-- in: 2024 for 2024/25), split into capital and revenue, in pence. Money cannot roll over
-- between financial years, so each year has its own row.
CREATE TABLE area_budget (
    id TEXT PRIMARY KEY,
    area_id TEXT NOT NULL REFERENCES area (id),
    financial_year INTEGER NOT NULL CHECK (financial_year BETWEEN 2000 AND 2098),
    capital_pence INTEGER NOT NULL DEFAULT 0 CHECK (capital_pence >= 0),
    revenue_pence INTEGER NOT NULL DEFAULT 0 CHECK (revenue_pence >= 0),
    updated_at TEXT NOT NULL,
    UNIQUE (area_id, financial_year)
);

-- A quarterly return as it was submitted: the JSON document byte for byte and its SHA-256
-- (lower-case hex). One per period; never changed once written, so a row whose bytes no longer
-- match its hash has been altered outside the application.
CREATE TABLE frozen_return (
    id TEXT PRIMARY KEY,
    period TEXT NOT NULL UNIQUE,
    document BLOB NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    frozen_at TEXT NOT NULL,
    frozen_by TEXT NOT NULL
);

CREATE TRIGGER frozen_return_unchanged BEFORE UPDATE ON frozen_return
BEGIN
    SELECT RAISE(ABORT, 'a frozen return is never changed');
END;

CREATE TRIGGER frozen_return_kept BEFORE DELETE ON frozen_return
BEGIN
    SELECT RAISE(ABORT, 'a frozen return is never deleted');
END;

-- The return counts completed jobs and visits by time.
CREATE INDEX job_completed ON job (completed_at) WHERE status = 'completed';
CREATE INDEX visit_at ON visit (at);
