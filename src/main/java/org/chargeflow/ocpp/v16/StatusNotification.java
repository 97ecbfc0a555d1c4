package org.chargeflow.ocpp.v16;

import java.time.Instant;

/** OCPP 1.6 StatusNotification: sent by a charge point to the central system. */
public final class StatusNotification {

    private StatusNotification() {
    }

    public record Request(
            int connectorId,
            ChargePointErrorCode errorCode,
            String info,
            ChargePointStatus status,
            Instant timestamp,
            String vendorId,
            String vendorErrorCode) {
    }

    public record Confirmation() {
    }
}
