package org.chargeflow.ocpp.v16;

import org.chargeflow.ocpp.OcppRequest;
import java.time.Instant;

/** OCPP 1.6 GetDiagnostics: sent by the central system to a charge point. */
public final class GetDiagnostics {

    private GetDiagnostics() {
    }

    public record Request(
            String location,
            Integer retries,
            Integer retryInterval,
            Instant startTime,
            Instant stopTime) implements OcppRequest<Confirmation> {
        @Override
        public Class<Confirmation> confirmationType() {
            return Confirmation.class;
        }
    }

    public record Confirmation(
            String fileName) {
    }
}
