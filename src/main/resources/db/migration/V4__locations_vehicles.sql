-- Where chargers stand, the fleet that charges at them, and the limits sessions must respect.

CREATE TABLE location (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name              VARCHAR(100)  NOT NULL,
    address           VARCHAR(300)  NULL,
    time_zone         VARCHAR(50)   NOT NULL,
    grid_capacity_kw  DECIMAL(10,3) NULL,      -- for load management
    created_at        TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE KEY uk_location_name (name)
) ENGINE = InnoDB;

ALTER TABLE charger
    ADD COLUMN location_id  BIGINT        NULL AFTER name,
    ADD COLUMN max_power_kw DECIMAL(10,3) NULL AFTER location_id,
    ADD CONSTRAINT fk_charger_location FOREIGN KEY (location_id) REFERENCES location (id);

-- A connector's own limit (e.g. a 3.7 kW socket on an 11 kW charger); NULL means the charger's limit.
ALTER TABLE connector
    ADD COLUMN max_power_kw DECIMAL(10,3) NULL;

CREATE TABLE vehicle (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(100)  NOT NULL,
    vin           VARCHAR(17)   NULL,
    plate         VARCHAR(20)   NULL,
    make          VARCHAR(50)   NULL,
    model         VARCHAR(50)   NULL,
    battery_kwh   DECIMAL(10,3) NULL,
    max_ac_kw     DECIMAL(10,3) NULL,
    max_dc_kw     DECIMAL(10,3) NULL,
    created_at    TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE KEY uk_vehicle_vin (vin)
) ENGINE = InnoDB;

-- An RFID card (id tag) may identify a vehicle: sessions started with it are linked to that vehicle.
ALTER TABLE id_tag
    ADD COLUMN vehicle_id BIGINT NULL,
    ADD CONSTRAINT fk_id_tag_vehicle FOREIGN KEY (vehicle_id) REFERENCES vehicle (id);

ALTER TABLE charging_session
    ADD COLUMN vehicle_id BIGINT NULL AFTER id_tag,
    ADD KEY ix_session_vehicle (vehicle_id, requested_at),
    ADD KEY ix_session_charger_time (charger_id, requested_at),
    ADD KEY ix_session_state (state, requested_at);
