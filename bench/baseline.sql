-- baseline.sql: the cold-load baseline: the sqlite3 command-line shell loads a dataset with
-- readfile() and json_each into one flat table, then builds an FTS5 index over the same text
-- itpnav searches (name, acronym, host, location, summary, and a body of offers, aims,
-- eligibility and steps), with the same tokenizer as itpnav's store and the prefix indexes a
-- prefix search needs to be fast (itpnav keeps those of three and four letters, and answers one
-- and two letters from its list index).
--
--     sqlite3 -cmd ".parameter set @file 'DATASET.json'" OUT.db < bench/baseline.sql
--
-- What a competent person would write for a first version, with the shell's defaults
-- (rollback journal, synchronous=FULL: one fsync at the commit) and one transaction. It does not
-- check the dataset, does not resolve references or regions, and keeps one table, not ten.
BEGIN;
CREATE TEMP TABLE src(doc TEXT);
INSERT INTO src VALUES (readfile(@file));

CREATE TABLE entry(
    rid INTEGER PRIMARY KEY, id TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL,
    acronym TEXT, host TEXT, location TEXT, summary TEXT NOT NULL, body TEXT,
    regions TEXT, goals TEXT, services TEXT, delivery TEXT, status TEXT,
    source TEXT, as_of TEXT);

INSERT INTO entry(id, kind, name, acronym, host, location, summary, body, regions, goals,
                  services, delivery, status, source, as_of)
SELECT s.value ->> '$.id', s.value ->> '$.kind', s.value ->> '$.name', s.value ->> '$.acronym',
       s.value ->> '$.host', s.value ->> '$.location', s.value ->> '$.summary',
       ifnull((SELECT group_concat(value, char(10)) FROM json_each(s.value, '$.offers')), '')
           || char(10) ||
           ifnull((SELECT group_concat(value, char(10)) FROM json_each(s.value, '$.aims')), '')
           || char(10) || ifnull(s.value ->> '$.eligibility', ''),
       s.value -> '$.regions', s.value -> '$.goals', s.value -> '$.services',
       s.value -> '$.delivery', NULL, s.value ->> '$.source', s.value ->> '$.as_of'
FROM src, json_each(src.doc, '$.supports') AS s;

INSERT INTO entry(id, kind, name, acronym, host, location, summary, body, regions, goals,
                  services, delivery, status, source, as_of)
SELECT p.value ->> '$.id', 'pathway', p.value ->> '$.name', NULL, NULL, NULL,
       p.value ->> '$.summary',
       ifnull((SELECT group_concat(value, char(10))
               FROM json_each(p.value, '$.eligibility')), '')
           || char(10) ||
           ifnull((SELECT group_concat((value ->> '$.title') || char(10)
                                       || ifnull(value ->> '$.detail', ''), char(10))
               FROM json_each(p.value, '$.steps')), ''),
       p.value -> '$.regions', json_array(p.value ->> '$.goal'), NULL, NULL,
       p.value ->> '$.status', p.value ->> '$.source', p.value ->> '$.as_of'
FROM src, json_each(src.doc, '$.pathways') AS p;

CREATE VIRTUAL TABLE entry_fts USING fts5(name, acronym, host, location, summary, body,
    content='entry', content_rowid='rid',
    tokenize='unicode61 remove_diacritics 2', prefix='1 2 3 4');
INSERT INTO entry_fts(entry_fts) VALUES ('rebuild');
COMMIT;
