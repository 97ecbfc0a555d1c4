package org.chargeflow.ocpp.v16;

import org.chargeflow.ocpp.OcppRequest;

/** OCPP 1.6 ChangeConfiguration: sent by the central system to a charge point. */
public final class ChangeConfiguration {

    private ChangeConfiguration() {
    }

    public record Request(
            String key,
            String value) implements OcppRequest<Confirmation> {
        @Override
        public Class<Confirmation> confirmationType() {
            return Confirmation.class;
        }
    }

    public record Confirmation(
            ConfigurationStatus status) {
    }
}
