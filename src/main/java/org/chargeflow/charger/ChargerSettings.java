package org.chargeflow.charger;

import org.chargeflow.platform.web.ApiException;
import org.chargeflow.platform.web.Fields;

import java.math.BigDecimal;

/** The parts of a charger an operator sets: name, location, power limit and heartbeat interval. */
public record ChargerSettings(String name, Long locationId, BigDecimal maxPowerKw, Integer heartbeatIntervalSeconds) {

    /** Checked values; a missing heartbeat interval becomes {@code defaultHeartbeatSeconds}. */
    public ChargerSettings checked(int defaultHeartbeatSeconds) {
        int heartbeat = heartbeatIntervalSeconds == null ? defaultHeartbeatSeconds : heartbeatIntervalSeconds;
        if (heartbeat < 1 || heartbeat > 86_400) {
            throw ApiException.invalid("heartbeatIntervalSeconds", "1 to 86400 seconds (got " + heartbeat + ")");
        }
        return new ChargerSettings(Fields.optional("name", name, 100), locationId,
                Fields.positiveAmount("maxPowerKw", maxPowerKw), heartbeat);
    }
}
