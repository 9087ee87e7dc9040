-- SaferHomes local schema, version 5 (numbered after 0004, which the sync work adds): the
-- quick-find index without the spaceless copy of each postcode.
--
-- Indexing "LE13 1AB" also as "LE131AB" made every postcode a term of its own: a one- or
-- two-letter prefix ("L", "LE") then had to merge thousands of them, 70 ms with 100k
-- households. HouseholdRepository::quickFind() now splits a spaceless postcode in the query.
-- The text is householdSearchTextSelect() (model/store/householdsearch.h); a contentless
-- index forgets a row only when given the text it was indexed with, so every row is indexed
-- again with the new text.
INSERT INTO household_fts (household_fts) VALUES ('delete-all');
INSERT INTO household_fts (rowid, search_text)
SELECT h.rid, h.address_line1 || ' ' || h.address_line2 || ' ' || h.town || ' ' || h.postcode
           || ' ' || coalesce(r.name, '')
FROM household h LEFT JOIN resident r ON r.household_id = h.id AND r.is_primary = 1;
