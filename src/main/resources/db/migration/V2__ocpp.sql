-- What chargers report over OCPP 1.6: connector states, id tags, transactions, meter values.

ALTER TABLE charger
    ADD COLUMN password_generated BOOLEAN     NOT NULL DEFAULT FALSE AFTER password_hash,
    ADD COLUMN firmware_status    VARCHAR(30) NULL,
    ADD COLUMN diagnostics_status VARCHAR(30) NULL;

-- Latest status per connector; connector 0 is the charge point itself.
CREATE TABLE connector (
    charger_id         VARCHAR(48)  NOT NULL,
    connector_id       INT          NOT NULL,
    status             VARCHAR(20)  NOT NULL,
    error_code         VARCHAR(30)  NOT NULL,
    info               VARCHAR(50)  NULL,
    vendor_id          VARCHAR(255) NULL,
    vendor_error_code  VARCHAR(50)  NULL,
    status_at          TIMESTAMP(3) NOT NULL,
    received_at        TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (charger_id, connector_id),
    CONSTRAINT fk_connector_charger FOREIGN KEY (charger_id) REFERENCES charger (id) ON DELETE CASCADE
) ENGINE = InnoDB;

-- RFID cards and other identifiers a charger asks about (Authorize, Start/StopTransaction).
CREATE TABLE id_tag (
    id_tag         VARCHAR(20)  NOT NULL PRIMARY KEY,
    status         VARCHAR(12)  NOT NULL,
    expiry_date    TIMESTAMP(3) NULL,
    parent_id_tag  VARCHAR(20)  NULL,
    created_at     TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT chk_id_tag_status CHECK (status IN ('Accepted', 'Blocked', 'Expired', 'Invalid'))
) ENGINE = InnoDB;

-- One row per OCPP transaction; its id is the transactionId given to the charger.
-- The unique key makes a resent StartTransaction return the same id.
CREATE TABLE charging_transaction (
    id               INT          NOT NULL AUTO_INCREMENT PRIMARY KEY,
    charger_id       VARCHAR(48)  NOT NULL,
    connector_id     INT          NOT NULL,
    id_tag           VARCHAR(20)  NOT NULL,
    id_tag_status    VARCHAR(12)  NOT NULL,
    meter_start_wh   INT          NOT NULL,
    started_at       TIMESTAMP(3) NOT NULL,
    reservation_id   INT          NULL,
    meter_stop_wh    INT          NULL,
    stopped_at       TIMESTAMP(3) NULL,
    stop_reason      VARCHAR(20)  NULL,
    stop_id_tag      VARCHAR(20)  NULL,
    received_at      TIMESTAMP(3) NOT NULL,
    UNIQUE KEY uk_transaction_start (charger_id, connector_id, started_at, meter_start_wh),
    KEY ix_transaction_open (charger_id, connector_id, stopped_at),
    KEY ix_transaction_id_tag (id_tag, stopped_at),
    CONSTRAINT fk_transaction_charger FOREIGN KEY (charger_id) REFERENCES charger (id)
) ENGINE = InnoDB;

-- Every sampled value exactly as sent, plus a normalized reading (Wh for energy, W for power).
CREATE TABLE meter_value (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    charger_id      VARCHAR(48)  NOT NULL,
    connector_id    INT          NOT NULL,
    transaction_id  INT          NULL,
    sampled_at      TIMESTAMP(3) NOT NULL,
    value           VARCHAR(2500) NOT NULL,
    context         VARCHAR(20)  NULL,
    format          VARCHAR(10)  NULL,
    measurand       VARCHAR(40)  NULL,
    phase           VARCHAR(5)   NULL,
    location        VARCHAR(10)  NULL,
    unit            VARCHAR(10)  NULL,
    normalized      DOUBLE       NULL,
    KEY ix_meter_transaction (transaction_id, sampled_at),
    KEY ix_meter_charger (charger_id, connector_id, sampled_at)
) ENGINE = InnoDB;

-- Other reports kept for the record: DataTransfer, DiagnosticsStatusNotification, FirmwareStatusNotification.
CREATE TABLE charger_event (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    charger_id   VARCHAR(48)  NOT NULL,
    action       VARCHAR(40)  NOT NULL,
    payload      TEXT         NOT NULL,
    received_at  TIMESTAMP(3) NOT NULL,
    KEY ix_charger_event (charger_id, received_at)
) ENGINE = InnoDB;
