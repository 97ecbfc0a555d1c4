package org.chargeflow.ocpp.v16;

import org.chargeflow.ocpp.OcppRequest;
import java.util.List;

/** OCPP 1.6 GetConfiguration: sent by the central system to a charge point. */
public final class GetConfiguration {

    private GetConfiguration() {
    }

    public record Request(
            List<String> key) implements OcppRequest<Confirmation> {
        @Override
        public Class<Confirmation> confirmationType() {
            return Confirmation.class;
        }
    }

    public record Confirmation(
            List<KeyValue> configurationKey,
            List<String> unknownKey) {
    }
}
