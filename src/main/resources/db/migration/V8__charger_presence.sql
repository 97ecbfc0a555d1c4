-- Last-seen times move to a table of their own. Thousands of them are written every half minute; in the
-- charger table those writes locked rows that a charger's own writes need too (a status or a transaction
-- locks its charger row through a foreign key), so they waited for each other and could deadlock.
-- Nothing references this table and only the last-seen committer writes it.
CREATE TABLE charger_presence (
    charger_id  VARCHAR(48)  NOT NULL PRIMARY KEY,
    last_seen   TIMESTAMP(3) NOT NULL
) ENGINE = InnoDB;

INSERT INTO charger_presence (charger_id, last_seen) SELECT id, last_seen FROM charger WHERE last_seen IS NOT NULL;

ALTER TABLE charger DROP COLUMN last_seen;
