package org.chargeflow.ocpp.v16;

/** OCPP 1.6 DiagnosticsStatusNotification: sent by a charge point to the central system. */
public final class DiagnosticsStatusNotification {

    private DiagnosticsStatusNotification() {
    }

    public record Request(
            DiagnosticsStatus status) {
    }

    public record Confirmation() {
    }
}
