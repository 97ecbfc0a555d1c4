package org.chargeflow.meter;

import java.time.Instant;

/** One sampled value exactly as the charger sent it, and its normalized reading (Wh or W) when it has one. */
public record MeterSample(String chargerId, int connectorId, Integer transactionId, Instant sampledAt, String value,
                          String context, String format, String measurand, String phase, String location, String unit,
                          Double normalized) {

    /** The longest value stored (the column's width): OCPP sets no limit, a row does. */
    public static final int MAX_VALUE_LENGTH = 16_000;

    public boolean fits() {
        return value.length() <= MAX_VALUE_LENGTH;
    }
}
