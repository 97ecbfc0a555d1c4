-- Chargers known to the central system. The id is the OCPP charge point identity
-- (the last path segment of ws://HOST/ocpp/{id} and the HTTP Basic user name).
CREATE TABLE charger (
    id                    VARCHAR(48)  NOT NULL PRIMARY KEY,
    name                  VARCHAR(100) NULL,
    password_hash         VARCHAR(200) NOT NULL,
    vendor                VARCHAR(20)  NULL,
    model                 VARCHAR(20)  NULL,
    charge_point_serial   VARCHAR(25)  NULL,
    charge_box_serial     VARCHAR(25)  NULL,
    firmware_version      VARCHAR(50)  NULL,
    iccid                 VARCHAR(20)  NULL,
    imsi                  VARCHAR(20)  NULL,
    meter_type            VARCHAR(25)  NULL,
    meter_serial          VARCHAR(25)  NULL,
    online                BOOLEAN      NOT NULL DEFAULT FALSE,
    last_seen             TIMESTAMP(3) NULL,
    last_boot             TIMESTAMP(3) NULL,
    heartbeat_interval_s  INT          NOT NULL DEFAULT 300,
    created_at            TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) ENGINE = InnoDB;
