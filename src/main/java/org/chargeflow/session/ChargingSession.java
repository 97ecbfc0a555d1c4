package org.chargeflow.session;

import java.math.BigDecimal;
import java.time.Instant;

/** One charging session, operator- or charger-started, with its caps, progress and outcome. */
public record ChargingSession(long id, String processInstanceId, String chargerId, int connectorId,
                              Integer transactionId, String idTag, String startedBy, String description,
                              BigDecimal powerCapKw, BigDecimal energyCapKwh, SessionState state,
                              Instant requestedAt, Instant startedAt, Instant stoppedAt, Integer meterStartWh,
                              Integer meterStopWh, Double lastEnergyWh, Double lastPowerW, Instant lastReadingAt,
                              Double energyWh, String stopReason, Long vehicleId) {

    public static final String BY_OPERATOR = "OPERATOR";
    public static final String BY_CHARGER = "CHARGER";

    /** Energy delivered so far (Wh), from the latest meter reading. */
    public double deliveredWh() {
        return deliveredWh(energyWh, lastEnergyWh, meterStartWh);
    }

    /** Progress toward the energy target in whole percent, at most 100; null without a target. */
    public static Integer progressPercent(double deliveredWh, BigDecimal energyCapKwh) {
        return energyCapKwh == null || energyCapKwh.signum() <= 0 ? null
                : (int) Math.min(100, Math.round(deliveredWh / (energyCapKwh.doubleValue() * 10)));
    }

    /** The final energy once known, else the latest register reading minus the start reading. */
    public static double deliveredWh(Double energyWh, Double lastEnergyWh, Integer meterStartWh) {
        if (energyWh != null) {
            return energyWh;
        }
        return lastEnergyWh == null || meterStartWh == null ? 0 : Math.max(0, lastEnergyWh - meterStartWh);
    }
}
