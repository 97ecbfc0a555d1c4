-- One row per charging session, whoever started it; each has a process instance of 'charging-session'.
CREATE TABLE charging_session (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    process_instance_id  VARCHAR(64)   NULL,
    charger_id           VARCHAR(48)   NOT NULL,
    connector_id         INT           NOT NULL,
    transaction_id       INT           NULL,
    id_tag               VARCHAR(20)   NULL,
    started_by           VARCHAR(10)   NOT NULL,   -- OPERATOR (Tasklist/REST) or CHARGER (e.g. an RFID card)
    description          VARCHAR(500)  NULL,
    power_cap_kw         DECIMAL(10,3) NULL,
    energy_cap_kwh       DECIMAL(10,3) NULL,
    state                VARCHAR(20)   NOT NULL,   -- REQUESTED, WAITING_FOR_VEHICLE, STARTING, CHARGING, STOPPING, FINISHED, REFUSED, FAILED
    requested_at         TIMESTAMP(3)  NOT NULL,
    started_at           TIMESTAMP(3)  NULL,
    stopped_at           TIMESTAMP(3)  NULL,
    meter_start_wh       INT           NULL,
    meter_stop_wh        INT           NULL,
    last_energy_wh       DOUBLE        NULL,
    last_power_w         DOUBLE        NULL,
    last_reading_at      TIMESTAMP(3)  NULL,
    energy_wh            DOUBLE        NULL,
    stop_reason          VARCHAR(100)  NULL,
    UNIQUE KEY uk_session_transaction (transaction_id),
    KEY ix_session_connector (charger_id, connector_id, state),
    KEY ix_session_requested (requested_at),
    KEY ix_session_process (process_instance_id)
) ENGINE = InnoDB;
