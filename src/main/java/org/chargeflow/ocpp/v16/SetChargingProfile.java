package org.chargeflow.ocpp.v16;

import org.chargeflow.ocpp.OcppRequest;

/** OCPP 1.6 SetChargingProfile: sent by the central system to a charge point. */
public final class SetChargingProfile {

    private SetChargingProfile() {
    }

    public record Request(
            int connectorId,
            ChargingProfile csChargingProfiles) implements OcppRequest<Confirmation> {
        @Override
        public Class<Confirmation> confirmationType() {
            return Confirmation.class;
        }
    }

    public record Confirmation(
            ChargingProfileStatus status) {
    }
}
