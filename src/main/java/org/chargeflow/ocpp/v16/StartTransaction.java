package org.chargeflow.ocpp.v16;

import java.time.Instant;

/** OCPP 1.6 StartTransaction: sent by a charge point to the central system. */
public final class StartTransaction {

    private StartTransaction() {
    }

    public record Request(
            int connectorId,
            String idTag,
            int meterStart,
            Integer reservationId,
            Instant timestamp) {
    }

    public record Confirmation(
            IdTagInfo idTagInfo,
            int transactionId) {
    }
}
