package org.chargeflow.ocpp.v16;

import org.chargeflow.ocpp.OcppRequest;

/** OCPP 1.6 RemoteStopTransaction: sent by the central system to a charge point. */
public final class RemoteStopTransaction {

    private RemoteStopTransaction() {
    }

    public record Request(
            int transactionId) implements OcppRequest<Confirmation> {
        @Override
        public Class<Confirmation> confirmationType() {
            return Confirmation.class;
        }
    }

    public record Confirmation(
            RemoteStartStopStatus status) {
    }
}
