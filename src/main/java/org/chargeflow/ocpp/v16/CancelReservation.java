package org.chargeflow.ocpp.v16;

import org.chargeflow.ocpp.OcppRequest;

/** OCPP 1.6 CancelReservation: sent by the central system to a charge point. */
public final class CancelReservation {

    private CancelReservation() {
    }

    public record Request(
            int reservationId) implements OcppRequest<Confirmation> {
        @Override
        public Class<Confirmation> confirmationType() {
            return Confirmation.class;
        }
    }

    public record Confirmation(
            CancelReservationStatus status) {
    }
}
