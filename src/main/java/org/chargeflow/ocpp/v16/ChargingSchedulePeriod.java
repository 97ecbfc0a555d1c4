package org.chargeflow.ocpp.v16;

/** OCPP 1.6 ChargingSchedulePeriod. */
public record ChargingSchedulePeriod(
        int startPeriod,
        double limit,
        Integer numberPhases) {
}
