package org.chargeflow.events;

import java.time.Instant;

/**
 * What chargers report, as plain facts other features subscribe to (Spring application events)
 * without knowing OCPP. Each is published after it has been stored.
 */
public final class ChargerEvents {

    private ChargerEvents() {
    }

    public record Connected(String chargerId, Instant at) {
    }

    /** The live connection ended (closed, replaced or silent for too long). */
    public record Disconnected(String chargerId, Instant at, String reason) {
    }

    /** The charger (re)started and announced itself. */
    public record Booted(String chargerId, Instant at) {
    }

    /** Connector 0 is the charger as a whole. Status and error code are OCPP 1.6 words (e.g. Preparing, NoError). */
    public record ConnectorStatusChanged(String chargerId, int connectorId, String status, String errorCode,
                                         String info, Instant at) {
    }

    public record TransactionStarted(String chargerId, int connectorId, int transactionId, String idTag,
                                     boolean authorized, int meterStartWh, Instant at) {
    }

    public record TransactionStopped(String chargerId, int transactionId, int meterStopWh, String reason,
                                     Instant at) {
    }

    /** The latest readings of one meter-values message: energy register in Wh, power in W, when sent. */
    public record MeterReadings(String chargerId, int connectorId, Integer transactionId, Instant at,
                                Double energyWh, Double powerW) {
    }
}
