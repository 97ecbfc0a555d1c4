package org.chargeflow.transaction;

import java.time.Instant;

/** One OCPP transaction: who started it where, and how it ended (null while running). */
public record ChargingTransaction(int id, String chargerId, int connectorId, String idTag, String idTagStatus,
                                  int meterStartWh, Instant startedAt, Integer meterStopWh, Instant stoppedAt,
                                  String stopReason) {

    public boolean running() {
        return stoppedAt == null;
    }
}
