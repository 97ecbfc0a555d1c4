package org.chargeflow.ocpp.v16;

import org.chargeflow.ocpp.OcppRequest;

/** OCPP 1.6 TriggerMessage: sent by the central system to a charge point. */
public final class TriggerMessage {

    private TriggerMessage() {
    }

    public record Request(
            MessageTrigger requestedMessage,
            Integer connectorId) implements OcppRequest<Confirmation> {
        @Override
        public Class<Confirmation> confirmationType() {
            return Confirmation.class;
        }
    }

    public record Confirmation(
            TriggerMessageStatus status) {
    }
}
