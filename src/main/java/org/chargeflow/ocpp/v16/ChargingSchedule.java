package org.chargeflow.ocpp.v16;

import java.time.Instant;
import java.util.List;

/** OCPP 1.6 ChargingSchedule. */
public record ChargingSchedule(
        Integer duration,
        Instant startSchedule,
        ChargingRateUnitType chargingRateUnit,
        List<ChargingSchedulePeriod> chargingSchedulePeriod,
        Double minChargingRate) {
}
