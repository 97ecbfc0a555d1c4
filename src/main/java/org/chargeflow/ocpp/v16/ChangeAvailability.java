package org.chargeflow.ocpp.v16;

import org.chargeflow.ocpp.OcppRequest;

/** OCPP 1.6 ChangeAvailability: sent by the central system to a charge point. */
public final class ChangeAvailability {

    private ChangeAvailability() {
    }

    public record Request(
            int connectorId,
            AvailabilityType type) implements OcppRequest<Confirmation> {
        @Override
        public Class<Confirmation> confirmationType() {
            return Confirmation.class;
        }
    }

    public record Confirmation(
            AvailabilityStatus status) {
    }
}
