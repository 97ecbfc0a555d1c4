package org.chargeflow.ocpp.v16;

import org.chargeflow.ocpp.OcppRequest;

/** OCPP 1.6 ClearChargingProfile: sent by the central system to a charge point. */
public final class ClearChargingProfile {

    private ClearChargingProfile() {
    }

    public record Request(
            Integer id,
            Integer connectorId,
            ChargingProfilePurposeType chargingProfilePurpose,
            Integer stackLevel) implements OcppRequest<Confirmation> {
        @Override
        public Class<Confirmation> confirmationType() {
            return Confirmation.class;
        }
    }

    public record Confirmation(
            ClearChargingProfileStatus status) {
    }
}
