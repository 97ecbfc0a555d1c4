-- Where meter_value's ids stood at a time, noted once an hour: raw meter values older than the retention
-- period are removed by primary-key range up to a mark that old. The time a charger puts on a sample is
-- its own clock's and can be anything, and an index on it would cost every insert.
CREATE TABLE meter_value_mark (
    marked_at  TIMESTAMP(3) NOT NULL PRIMARY KEY,
    last_id    BIGINT       NOT NULL
) ENGINE = InnoDB;
