-- Where a table's ids stood at a time, noted at every retention check: rows older than the retention period are
-- removed by primary-key range up to a mark that old (platform.database.RowRetention). One table of marks for
-- every table with a retention; meter values had one of their own (V9).
CREATE TABLE retention_mark (
    table_name VARCHAR(64)  NOT NULL,
    marked_at  TIMESTAMP(3) NOT NULL,
    last_id    BIGINT       NOT NULL,
    PRIMARY KEY (table_name, marked_at)
) ENGINE = InnoDB;

INSERT INTO retention_mark (table_name, marked_at, last_id)
SELECT 'meter_value', marked_at, last_id FROM meter_value_mark;

DROP TABLE meter_value_mark;
