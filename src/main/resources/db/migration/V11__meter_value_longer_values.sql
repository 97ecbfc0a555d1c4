-- A sampled value is a string of any length in OCPP 1.6; signed meter values (format SignedData, e.g. OCMF for
-- German calibration law) can pass the 2,500 characters this column had, and failed to store. 16,000 characters
-- is as wide as the row allows. Widening a VARCHAR whose length takes two bytes either way changes no row:
-- MariaDB does it in place, however large the table.
ALTER TABLE meter_value MODIFY value VARCHAR(16000) NOT NULL;
