package org.chargeflow.ocpp.v16;

import org.chargeflow.ocpp.OcppRequest;

/** OCPP 1.6 ClearCache: sent by the central system to a charge point. */
public final class ClearCache {

    private ClearCache() {
    }

    public record Request() implements OcppRequest<Confirmation> {
        @Override
        public Class<Confirmation> confirmationType() {
            return Confirmation.class;
        }
    }

    public record Confirmation(
            ClearCacheStatus status) {
    }
}
