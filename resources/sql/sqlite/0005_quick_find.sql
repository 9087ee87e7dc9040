-- SaferHomes local schema, version 5 (numbered after 0004, which the sync work adds): a
-- quick-find index that answers a short prefix without merging thousands of terms.
--
-- With 100k households a one- to three-letter prefix ("L", "LE", "LE1") matches most of them,
-- and FTS5 answered it by merging the lists of every term that starts so: 20-70 ms a keystroke.
-- * Each postcode was indexed a second time without its space ("LE131AB"), thousands of
--   terms under "l": no longer; HouseholdRepository::quickFind() splits a spaceless postcode
--   in the query instead.
-- * prefix = '1 2 3' keeps a ready list for every one-, two- and three-character prefix
--   (about 3 ms for "L" instead of 18), for about 7% more time to import a household file.
-- The text is householdSearchTextSelect() (model/store/householdsearch.h); every household is
-- indexed again with it.
DROP TABLE household_fts;

CREATE VIRTUAL TABLE household_fts USING fts5 (
    search_text,
    content = '',
    detail = none,
    prefix = '1 2 3',
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO household_fts (rowid, search_text)
SELECT h.rid, h.address_line1 || ' ' || h.address_line2 || ' ' || h.town || ' ' || h.postcode
           || ' ' || coalesce(r.name, '')
FROM household h LEFT JOIN resident r ON r.household_id = h.id AND r.is_primary = 1;
