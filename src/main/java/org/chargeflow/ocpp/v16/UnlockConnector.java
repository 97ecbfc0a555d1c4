package org.chargeflow.ocpp.v16;

import org.chargeflow.ocpp.OcppRequest;

/** OCPP 1.6 UnlockConnector: sent by the central system to a charge point. */
public final class UnlockConnector {

    private UnlockConnector() {
    }

    public record Request(
            int connectorId) implements OcppRequest<Confirmation> {
        @Override
        public Class<Confirmation> confirmationType() {
            return Confirmation.class;
        }
    }

    public record Confirmation(
            UnlockStatus status) {
    }
}
