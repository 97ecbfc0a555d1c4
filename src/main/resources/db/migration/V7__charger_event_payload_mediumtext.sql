-- A report may be as large as the frame limit (64 K characters, up to four bytes each in utf8mb4), which
-- overflows TEXT (64 KB): a DataTransfer with long data failed to store and was answered InternalError.
ALTER TABLE charger_event MODIFY payload MEDIUMTEXT NOT NULL;
