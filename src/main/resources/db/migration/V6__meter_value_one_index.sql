-- Raw meter values are read by transaction only (ix_meter_transaction). The charger index served no
-- query, yet every sampled value (thousands a second under load) was written into it at one of as
-- many places as there are chargers: dropping it cuts the database's work per meter value.
ALTER TABLE meter_value DROP INDEX ix_meter_charger;
