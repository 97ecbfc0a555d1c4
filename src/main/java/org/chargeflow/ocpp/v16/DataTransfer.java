package org.chargeflow.ocpp.v16;

import org.chargeflow.ocpp.OcppRequest;

/** OCPP 1.6 DataTransfer: sent in either direction. */
public final class DataTransfer {

    private DataTransfer() {
    }

    public record Request(
            String vendorId,
            String messageId,
            String data) implements OcppRequest<Confirmation> {
        @Override
        public Class<Confirmation> confirmationType() {
            return Confirmation.class;
        }
    }

    public record Confirmation(
            DataTransferStatus status,
            String data) {
    }
}
