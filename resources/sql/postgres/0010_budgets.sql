-- Central schema: each area's budget per UK financial year, split into capital and revenue
-- (DESIGN.md section 9). Like area: everyone but volunteers and fitters reads it, admins write
-- it. financial_year is the calendar year the financial year starts in (2024 for 2024/25).
CREATE TABLE area_budget (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    area_id uuid NOT NULL REFERENCES area (id),
    financial_year integer NOT NULL CHECK (financial_year BETWEEN 2000 AND 2098),
    capital_pence bigint NOT NULL DEFAULT 0 CHECK (capital_pence >= 0),
    revenue_pence bigint NOT NULL DEFAULT 0 CHECK (revenue_pence >= 0),
    updated_at timestamptz NOT NULL DEFAULT now(),
    row_version bigint NOT NULL DEFAULT 0,
    txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
    UNIQUE (area_id, financial_year)
);
CREATE INDEX area_budget_txid ON area_budget (txid, id);

CREATE TRIGGER area_budget_stamp BEFORE INSERT OR UPDATE ON area_budget
    FOR EACH ROW EXECUTE FUNCTION sh_stamp_row();

GRANT SELECT ON area_budget TO sh_officer, sh_coordinator, sh_manager;
GRANT SELECT, INSERT, UPDATE ON area_budget TO sh_admin;

ALTER TABLE area_budget ENABLE ROW LEVEL SECURITY;
ALTER TABLE area_budget FORCE ROW LEVEL SECURITY;

CREATE POLICY area_budget_admin ON area_budget TO sh_admin USING (true) WITH CHECK (true);
CREATE POLICY area_budget_read ON area_budget FOR SELECT
    TO sh_officer, sh_coordinator, sh_manager USING (true);
