package org.chargeflow.ocpp.v16;

/** OCPP 1.6 FirmwareStatusNotification: sent by a charge point to the central system. */
public final class FirmwareStatusNotification {

    private FirmwareStatusNotification() {
    }

    public record Request(
            FirmwareStatus status) {
    }

    public record Confirmation() {
    }
}
