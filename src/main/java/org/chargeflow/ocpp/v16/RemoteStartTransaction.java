package org.chargeflow.ocpp.v16;

import org.chargeflow.ocpp.OcppRequest;

/** OCPP 1.6 RemoteStartTransaction: sent by the central system to a charge point. */
public final class RemoteStartTransaction {

    private RemoteStartTransaction() {
    }

    public record Request(
            Integer connectorId,
            String idTag,
            ChargingProfile chargingProfile) implements OcppRequest<Confirmation> {
        @Override
        public Class<Confirmation> confirmationType() {
            return Confirmation.class;
        }
    }

    public record Confirmation(
            RemoteStartStopStatus status) {
    }
}
