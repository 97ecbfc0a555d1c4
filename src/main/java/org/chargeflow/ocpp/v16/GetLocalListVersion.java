package org.chargeflow.ocpp.v16;

import org.chargeflow.ocpp.OcppRequest;

/** OCPP 1.6 GetLocalListVersion: sent by the central system to a charge point. */
public final class GetLocalListVersion {

    private GetLocalListVersion() {
    }

    public record Request() implements OcppRequest<Confirmation> {
        @Override
        public Class<Confirmation> confirmationType() {
            return Confirmation.class;
        }
    }

    public record Confirmation(
            int listVersion) {
    }
}
