package org.chargeflow.ocpp.v16;

import org.chargeflow.ocpp.OcppRequest;

/** OCPP 1.6 Reset: sent by the central system to a charge point. */
public final class Reset {

    private Reset() {
    }

    public record Request(
            ResetType type) implements OcppRequest<Confirmation> {
        @Override
        public Class<Confirmation> confirmationType() {
            return Confirmation.class;
        }
    }

    public record Confirmation(
            ResetStatus status) {
    }
}
