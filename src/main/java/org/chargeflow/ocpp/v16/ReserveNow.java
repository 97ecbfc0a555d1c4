package org.chargeflow.ocpp.v16;

import org.chargeflow.ocpp.OcppRequest;
import java.time.Instant;

/** OCPP 1.6 ReserveNow: sent by the central system to a charge point. */
public final class ReserveNow {

    private ReserveNow() {
    }

    public record Request(
            int connectorId,
            Instant expiryDate,
            String idTag,
            String parentIdTag,
            int reservationId) implements OcppRequest<Confirmation> {
        @Override
        public Class<Confirmation> confirmationType() {
            return Confirmation.class;
        }
    }

    public record Confirmation(
            ReservationStatus status) {
    }
}
