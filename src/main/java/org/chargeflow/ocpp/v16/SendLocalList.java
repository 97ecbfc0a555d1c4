package org.chargeflow.ocpp.v16;

import org.chargeflow.ocpp.OcppRequest;
import java.util.List;

/** OCPP 1.6 SendLocalList: sent by the central system to a charge point. */
public final class SendLocalList {

    private SendLocalList() {
    }

    public record Request(
            int listVersion,
            List<AuthorizationData> localAuthorizationList,
            UpdateType updateType) implements OcppRequest<Confirmation> {
        @Override
        public Class<Confirmation> confirmationType() {
            return Confirmation.class;
        }
    }

    public record Confirmation(
            UpdateStatus status) {
    }
}
