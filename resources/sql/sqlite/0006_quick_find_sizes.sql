-- SaferHomes local schema, version 6: the quick-find index stops keeping a token count per
-- household.
--
-- FTS5 writes a row to household_fts_docsize for every household it indexes, the number of
-- tokens in its text, which only ranking (bm25) reads. Quick-find matches and never ranks
-- (HouseholdRepository::quickFind() orders by rowid), so columnsize = 0 spares a write per
-- household: about a third of the index's share of importing 100k households.
-- The text is still householdSearchTextSelect() (model/store/householdsearch.h).
DROP TABLE household_fts;

CREATE VIRTUAL TABLE household_fts USING fts5 (
    search_text,
    content = '',
    detail = none,
    columnsize = 0,
    prefix = '1 2 3',
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO household_fts (rowid, search_text)
SELECT h.rid, h.address_line1 || ' ' || h.address_line2 || ' ' || h.town || ' ' || h.postcode
           || ' ' || coalesce(r.name, '')
FROM household h LEFT JOIN resident r ON r.household_id = h.id AND r.is_primary = 1;
