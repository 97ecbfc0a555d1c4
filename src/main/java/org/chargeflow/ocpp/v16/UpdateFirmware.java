package org.chargeflow.ocpp.v16;

import org.chargeflow.ocpp.OcppRequest;
import java.time.Instant;

/** OCPP 1.6 UpdateFirmware: sent by the central system to a charge point. */
public final class UpdateFirmware {

    private UpdateFirmware() {
    }

    public record Request(
            String location,
            Integer retries,
            Instant retrieveDate,
            Integer retryInterval) implements OcppRequest<Confirmation> {
        @Override
        public Class<Confirmation> confirmationType() {
            return Confirmation.class;
        }
    }

    public record Confirmation() {
    }
}
