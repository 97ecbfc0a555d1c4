package org.chargeflow.ocpp.v16;

import java.time.Instant;

/** OCPP 1.6 IdTagInfo. */
public record IdTagInfo(
        Instant expiryDate,
        String parentIdTag,
        AuthorizationStatus status) {
}
